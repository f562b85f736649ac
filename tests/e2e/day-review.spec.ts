import { createRequire } from "node:module";
import type { Page, TestInfo } from "@playwright/test";
import { expect, test } from "./support/test";
import { formatDayKey, formatLocalTimeWithZone } from "@/lib/dates";
import { maskPhoneNumber } from "@/lib/privacy/mask-phone-number";
import { listSeriousViolations, measureHorizontalOverflow } from "./support/axe";
import { arrangeDayReview } from "./support/day-review-arrange";
import { signIn } from "./support/sign-in";

const axePath = createRequire(__filename).resolve("axe-core/axe.min.js");

/** axe's WCAG 2.2 AA rules (target size), which its default run leaves out, at any impact. */
async function listWcag22Violations(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: axePath });
  return page.evaluate(async () => {
    type Result = { violations: { id: string; nodes: { target: string[] }[] }[] };
    const axe = (window as unknown as { axe: { run: (context: Document, options: object) => Promise<Result> } }).axe;
    const { violations } = await axe.run(document, { runOnly: { type: "tag", values: ["wcag22aa"] } });
    return violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
  });
}

async function expectAccessible(page: Page) {
  expect(await listSeriousViolations(page)).toEqual([]);
  expect(await listWcag22Violations(page)).toEqual([]);
}

async function attachScreenshots(page: Page, testInfo: TestInfo, name: string) {
  for (const width of [1440, 390]) {
    await page.setViewportSize({ width, height: 900 });
    await testInfo.attach(`${name} at ${width}px`, { body: await page.screenshot({ fullPage: true }), contentType: "image/png" });
  }
  await page.setViewportSize({ width: 1280, height: 800 });
}

// Managers see external numbers masked (the privacy default).
const voicemailNumber = maskPhoneNumber("+14155550111");
const missedNumber = maskPhoneNumber("+14155550122");
const callsTable = (page: Page) => page.getByRole("table", { name: /Calls on this day/ });
const column = (page: Page, index: number) => callsTable(page).locator("tbody tr").locator(`td:nth-child(${index})`);

test.use({ viewport: { width: 1280, height: 800 } });

test("no data is not zero: a day before the synced history shows — and is a gap in the trend; today is in progress", async ({ page }) => {
  const review = await arrangeDayReview();
  await signIn(page, review.manager.user.email, review.manager.user.password);

  await page.goto(`/employees/${review.rita.id}?date=${review.beforeHistory}`);
  await expect(page.getByTestId("day-score")).toHaveText("—No data: Daymark has not synced this day from Dialpad.");
  await expect(page.getByTestId("day-talk")).toHaveText("—");
  await page.getByText("How is this calculated?").click();
  await expect(page.getByTestId("score-explanation")).toContainText("No score: Daymark has no data for this day, since no sync has read it from Dialpad.");
  await expect(page.getByTestId("score-explanation").getByRole("table")).toHaveCount(0);

  await page.goto(`/employees/${review.rita.id}?date=${review.dayKey}`);
  const trend = page.locator("svg[role=img]");
  await expect(trend.locator(`rect[data-day="${review.beforeHistory}"]`)).toHaveCount(0);
  await expect(trend.locator(`rect[data-day="${review.dayKey}"]`)).toHaveCount(1);
  await page.getByText("Show the scores as a table").click();
  const scores = page.getByRole("table", { name: "Daily scores" });
  await expect(scores.getByRole("row").filter({ hasText: formatDayKey(review.beforeHistory) }).getByRole("cell").nth(1)).toHaveText("—");

  await page.goto(`/employees/${review.rita.id}`);
  const syncedUpTo = formatLocalTimeWithZone(review.lastSyncAt, review.timeZone);
  await expect(page.getByTestId("day-progress")).toHaveText(`in progress · synced up to ${syncedUpTo}`);
  await expect(page.getByTestId("day-status")).toHaveText(`In progress · synced up to ${syncedUpTo}. New calls appear here automatically.`);
});

test("the calls table says what happened: overlap, voicemail and human labels, filter chips, sorting, a day marker", async ({ page }, testInfo) => {
  const review = await arrangeDayReview();
  await signIn(page, review.manager.user.email, review.manager.user.password);
  await page.goto(`/employees/${review.rita.id}?date=${review.dayKey}`);

  await expect(column(page, 3)).toHaveText(["Pat Evening", "Chloe Rossi", "Dan Ode", voicemailNumber, "Vera Voicemail", missedNumber]);
  await expect(column(page, 6)).toHaveText([
    "Counted", "Counted", "Overlap · three-way, 2 legs", "Voicemail received Flagged", "Voicemail left (counted)", "Missed",
  ]);
  await expect(column(page, 5)).toHaveText(["10m 00s", "18m 30s", "0s17m 26s overlapped", "0s", "1m 00s", "0s"]);
  await expect(column(page, 7)).toHaveText([
    "", "", "Overlaps your 09:41 call with Chloe Rossi; only time not already counted is added.",
    "Voicemail left for this person: flagged and not counted.", "Voicemail left: counted like any connected call.", "Rang and was not answered.",
  ]);
  await expect(column(page, 1).first()).toHaveText("23:50, open call detailsprev. day");
  await expect(page.getByRole("link", { name: "Export calls CSV" })).toHaveAttribute("href", `/api/exports/employees/${review.rita.id}/calls?date=${review.dayKey}`);
  await expect(page.getByRole("link", { name: "Export scores CSV" })).toHaveAttribute("href", /\/api\/exports\/employees\/\d+\/scores\?from=\d{4}-\d{2}-\d{2}&to=\d{4}-\d{2}-\d{2}$/);

  const chips = page.getByRole("group", { name: "Show calls" }).getByRole("button");
  await expect(chips).toHaveText(["All 6", "Counted 3", "Missed 1", "Voicemail 2", "Flagged 1", "Overlap 1"]);
  await chips.filter({ hasText: "Voicemail" }).click();
  await expect(page).toHaveURL(/calls=voicemail/);
  await expect(column(page, 3)).toHaveText([voicemailNumber, "Vera Voicemail"]);
  await page.reload();
  await expect(chips.filter({ hasText: "Voicemail" })).toHaveAttribute("aria-pressed", "true");
  await expect(column(page, 3)).toHaveText([voicemailNumber, "Vera Voicemail"]);
  await chips.filter({ hasText: "All" }).click();

  await callsTable(page).getByRole("button", { name: "Talk time" }).click();
  await expect(page).toHaveURL(/sort=talk&dir=desc/);
  await expect(callsTable(page).getByRole("columnheader", { name: "Talk time" })).toHaveAttribute("aria-sort", "descending");
  await expect(column(page, 3)).toHaveText(["Pat Evening", "Chloe Rossi", "Dan Ode", voicemailNumber, "Vera Voicemail", missedNumber]);
  await callsTable(page).getByRole("button", { name: "Other party" }).click();
  await expect(column(page, 3)).toHaveText([voicemailNumber, missedNumber, "Chloe Rossi", "Dan Ode", "Pat Evening", "Vera Voicemail"]);
  await callsTable(page).getByRole("button", { name: "Other party" }).click();
  await expect(column(page, 3).first()).toHaveText("Vera Voicemail");
  await callsTable(page).getByRole("button", { name: "Time", exact: true }).click();

  await expectAccessible(page);
  await page.setViewportSize({ width: 390, height: 800 });
  expect(await measureHorizontalOverflow(page), "horizontal scroll at 390px").toBeLessThanOrEqual(0);
  // Each call is a card: its row is a block, not a table row.
  expect(await callsTable(page).locator("tbody tr").first().evaluate((row) => getComputedStyle(row).display)).toBe("block");
  await expectAccessible(page);
  await attachScreenshots(page, testInfo, "Employee day");
});

test("the call modal steps to the previous and next call with buttons and arrow keys, and names the overlap", async ({ page }, testInfo) => {
  const review = await arrangeDayReview();
  const [, chloe, dan, received] = review.calls;
  await signIn(page, review.manager.user.email, review.manager.user.password);
  await page.goto(`/employees/${review.rita.id}?date=${review.dayKey}`);

  await callsTable(page).locator("tbody tr").nth(1).getByRole("link").click();
  const chloeModal = page.getByRole("dialog", { name: "Outbound call with Chloe Rossi" });
  await expect(chloeModal).toBeVisible();
  await chloeModal.getByRole("button", { name: "Next call →" }).click();
  const danModal = page.getByRole("dialog", { name: "Outbound call with Dan Ode" });
  await expect(danModal).toBeVisible();
  await expect(page).toHaveURL(`/employees/${review.rita.id}/calls/${dan!.id}`);
  await expect(danModal.getByTestId("call-status")).toHaveText("Overlap · three-way, 2 legs");
  await expect(danModal.getByTestId("call-reason")).toHaveText("Overlaps your 09:41 EST call with Chloe Rossi; only time not already counted is added.");
  await expect(danModal.getByTestId("call-counted")).toHaveText("0s (17m 26s overlapped another call)");
  await expect(danModal.getByRole("heading", { level: 3, name: "Times" })).toBeVisible();
  await expect(danModal.getByText("09:42:00 EST").first()).toBeVisible();
  await expect(danModal.getByRole("table", { name: /Legs of this call/ }).getByRole("row").nth(1)).toContainText("Ended");
  await expectAccessible(page);
  await attachScreenshots(page, testInfo, "Call modal");

  await page.keyboard.press("ArrowRight");
  await expect(page.getByRole("dialog", { name: `Inbound call with ${voicemailNumber}` })).toBeVisible();
  await expect(page).toHaveURL(`/employees/${review.rita.id}/calls/${received!.id}`);
  await page.keyboard.press("ArrowLeft");
  await expect(danModal).toBeVisible();
  await page.keyboard.press("ArrowLeft");
  await expect(chloeModal).toBeVisible();
  await expect(page).toHaveURL(`/employees/${review.rita.id}/calls/${chloe!.id}`);
  await expect(chloeModal.getByTestId("call-status")).toHaveText("Counted");
  await chloeModal.getByRole("button", { name: "Close" }).click();
  await expect(page).toHaveURL(`/employees/${review.rita.id}?date=${review.dayKey}`);

  await page.goto(`/employees/${review.rita.id}/calls/${dan!.id}`);
  await expect(page.getByRole("heading", { level: 1, name: "Outbound call with Dan Ode" })).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: "Times" })).toBeVisible();
  await page.getByRole("link", { name: "Next call →" }).click();
  await expect(page.getByRole("heading", { level: 1, name: `Inbound call with ${voicemailNumber}` })).toBeVisible();
  await expectAccessible(page);
});
