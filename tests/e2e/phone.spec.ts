import type { Locator, Page } from "@playwright/test";
import { expect, test } from "./support/test";
import { upsertDialpadConnection } from "@/db/queries/dialpad-connections";
import { addDays, formatDayKey } from "@/lib/dates";
import { maskPhoneNumber } from "@/lib/privacy/mask-phone-number";
import { linkEmployee } from "@/lib/services/views/testing/arrange-day";
import { createEmployee, createOrganization, createViewer, uniqueSuffix } from "@/tests/factories";
import { measureHorizontalOverflow } from "./support/axe";
import { arrangeDayReview } from "./support/day-review-arrange";
import { getE2eDb } from "./support/e2e-db";
import { checkBothWidths } from "./support/screens";
import { signIn } from "./support/sign-in";

// Issue 16 point 2 on a 390 px phone: a one-row date stepper, emails and phone numbers never broken
// mid-string, chart text that keeps its size, and the first-run checklist on an empty Team page.

const phone = { width: 390, height: 844 };
const stepper = (page: Page) => page.getByRole("navigation", { name: "Choose a day" });

/** How many rows the stepper's visible targets sit in, and the smallest target's shorter side, in px. */
async function measureStepper(nav: Locator): Promise<{ rows: number; smallest: number }> {
  return nav.evaluate((element) => {
    const targets = [...element.querySelectorAll("a, [data-testid=date-face]")].map((target) => target.getBoundingClientRect());
    const visible = targets.filter((box) => box.width > 1 && box.height > 1);
    return {
      rows: new Set(visible.map((box) => Math.round(box.top + box.height / 2))).size,
      smallest: Math.min(...visible.map((box) => Math.min(box.width, box.height))),
    };
  });
}

/** The value's white-space and how many line boxes its text takes. */
async function measureLines(value: Locator): Promise<{ whiteSpace: string; lines: number }> {
  return value.evaluate((element) => {
    const range = document.createRange();
    range.selectNodeContents(element);
    const tops = new Set([...range.getClientRects()].map((rect) => Math.round(rect.top)));
    return { whiteSpace: getComputedStyle(element).whiteSpace, lines: tops.size };
  });
}

/** "Sun 29 Nov", with the year only when the day is not in today's year (the stepper's face). */
const faceLabel = (dayKey: string, today: string) =>
  dayKey.slice(0, 4) === today.slice(0, 4) ? formatDayKey(dayKey).split(" ").slice(0, 3).join(" ") : formatDayKey(dayKey);

test.use({ viewport: { width: 1440, height: 900 } });

test("employee day on a phone: a one-row stepper that keeps the sort, trend labels at 12 px, numbers on one line", async ({ page }, testInfo) => {
  const review = await arrangeDayReview();
  const received = review.calls[3]!;
  await signIn(page, review.manager.user.email, review.manager.user.password);
  await page.goto(`/employees/${review.rita.id}?date=${review.dayKey}&sort=talk&dir=desc`);
  await page.setViewportSize(phone);

  const nav = stepper(page);
  await expect(nav.getByRole("link")).toHaveText(["←", "→", "Today"], { useInnerText: true });
  await expect(nav.getByRole("link").nth(0)).toHaveAccessibleName(`Previous day, ${formatDayKey(addDays(review.dayKey, -1))}`);
  await expect(nav.getByRole("link").nth(1)).toHaveAccessibleName(`Next day, ${formatDayKey(addDays(review.dayKey, 1))}`);
  await expect(nav.getByTestId("date-face")).toHaveText(`${faceLabel(review.dayKey, review.today)} ▾`);
  await expect(nav.getByLabel("Day", { exact: true })).toHaveValue(review.dayKey);
  expect(await measureStepper(nav)).toEqual({ rows: 1, smallest: 44 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

  // Every label of the trend is HTML at 0.75rem; the stretched SVG draws no text that could shrink.
  const trend = page.getByTestId("trend-chart");
  await expect(trend.locator("svg text")).toHaveCount(0);
  const labels = trend.locator("[aria-hidden=true] span");
  await expect(labels).toHaveText(["100", "50", "0", ...[28, 21, 14, 7, 0].map((back) => formatDayKey(addDays(review.dayKey, -back)).split(" ").slice(1, 3).join(" "))]);
  expect(await labels.evaluateAll((spans) => Math.min(...spans.map((span) => parseFloat(getComputedStyle(span).fontSize))))).toBe(12);

  const number = page.getByRole("table", { name: /Calls on this day/ }).getByText(maskPhoneNumber("+14155550111"), { exact: true });
  expect(await measureLines(number)).toEqual({ whiteSpace: "nowrap", lines: 1 });

  await nav.getByRole("link", { name: /^Previous day/ }).click();
  await expect(page).toHaveURL(`/employees/${review.rita.id}?date=${addDays(review.dayKey, -1)}&sort=talk&dir=desc`);
  await expect(nav.getByTestId("date-face")).toHaveText(`${faceLabel(addDays(review.dayKey, -1), review.today)} ▾`);
  // On a phone a day chosen in the picker (a tap, then a date) is the navigation: there is no Go button to
  // press; a typed date waits for Enter.
  const day = nav.getByLabel("Day", { exact: true });
  await expect(nav.getByRole("button", { name: "Go" })).toHaveCSS("clip-path", "inset(50%)");
  await day.dispatchEvent("pointerdown");
  await day.fill(addDays(review.dayKey, -3));
  await expect(page).toHaveURL(`/employees/${review.rita.id}?date=${addDays(review.dayKey, -3)}&sort=talk&dir=desc`);
  await day.fill(review.dayKey);
  await expect(page).toHaveURL(new RegExp(`date=${addDays(review.dayKey, -3)}&`));
  await day.press("Enter");
  await expect(page).toHaveURL(`/employees/${review.rita.id}?date=${review.dayKey}&sort=talk&dir=desc`);
  await checkBothWidths(page, testInfo, "employee-day");

  await page.goto(`/employees/${review.rita.id}/calls/${received.id}`);
  await page.setViewportSize(phone);
  const external = page.locator('dt:text-is("External number") + dd');
  await expect(external).toHaveText(maskPhoneNumber("+14155550111"));
  expect(await measureLines(external)).toEqual({ whiteSpace: "nowrap", lines: 1 });
  await checkBothWidths(page, testInfo, "call-detail");
});

test("Team day and range on a phone: one-row steppers, the filter kept, no sideways scroll", async ({ page }, testInfo) => {
  const review = await arrangeDayReview();
  await signIn(page, review.manager.user.email, review.manager.user.password);
  await page.goto(`/team?date=${review.dayKey}&q=Rita`);
  await page.setViewportSize(phone);
  const nav = stepper(page);
  await expect(nav.getByTestId("date-face")).toHaveText(`${faceLabel(review.dayKey, review.today)} ▾`);
  expect(await measureStepper(nav)).toEqual({ rows: 1, smallest: 44 });
  await expect(page.getByRole("list", { name: "Team day" }).getByRole("link")).toHaveText([new RegExp(`^Rita Review ${review.tag}`)]);
  await nav.getByRole("link", { name: `Next day, ${formatDayKey(addDays(review.dayKey, 1))}` }).click();
  await expect(page).toHaveURL(`/team?date=${addDays(review.dayKey, 1)}&q=Rita`);
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto(`/team?date=${review.dayKey}&q=Rita`);
  // The sparklines draw no text of their own (a day's value shows in an HTML tip), so nothing shrinks with them.
  await expect(page.getByRole("img", { name: /^Last 14 days/ })).toHaveCount(1);
  await expect(page.locator("main svg text")).toHaveCount(0);
  await checkBothWidths(page, testInfo, "team-day");

  const from = addDays(review.dayKey, -6);
  await page.goto(`/team/range?from=${from}&to=${review.dayKey}`);
  await page.setViewportSize(phone);
  const previous = page.getByRole("link", { name: "Previous range" });
  const next = page.getByRole("link", { name: "Next range" });
  await expect(previous).toHaveText("←", { useInnerText: true });
  await expect(next).toHaveText("→", { useInnerText: true });
  const [previousBox, nextBox, showBox] = await Promise.all([previous.boundingBox(), next.boundingBox(), page.getByRole("button", { name: "Show" }).boundingBox()]);
  expect([previousBox!.height, nextBox!.height, showBox!.height].map(Math.round)).toEqual([44, 44, 44]);
  expect(Math.round(previousBox!.y)).toBe(Math.round(nextBox!.y));
  await checkBothWidths(page, testInfo, "team-range");
});

test("emails and phone numbers stay whole in the employees list, a profile and the users list", async ({ page }, testInfo) => {
  const db = getE2eDb();
  const tag = uniqueSuffix();
  const organization = await createOrganization(db, { name: `Contacts ${tag}`, domain: `contacts-${tag}.test` });
  const admin = await createViewer(db, organization, { role: "admin", name: `Cora Admin ${tag}` });
  const email = `bartholomew.featherstonehaugh-${tag}@${organization.domain}`;
  const person = await createEmployee(db, organization, { name: `Bart ${tag}`, email, phone: "+1 415 555 0142" });
  await signIn(page, admin.user.email, admin.user.password);

  await page.goto("/employees");
  await page.setViewportSize(phone);
  const listed = page.getByRole("cell").getByText(email, { exact: true });
  expect(await measureLines(listed)).toEqual({ whiteSpace: "nowrap", lines: 1 });
  await expect(listed).toHaveAttribute("title", email);
  expect(await measureHorizontalOverflow(page)).toBeLessThanOrEqual(0);
  await checkBothWidths(page, testInfo, "employees");

  await page.goto(`/employees/${person.id}`);
  await page.setViewportSize(phone);
  const details = page.getByRole("region", { name: "Details" });
  expect(await measureLines(details.getByText(email, { exact: true }))).toEqual({ whiteSpace: "nowrap", lines: 1 });
  expect(await measureLines(details.getByText("+1 415 555 0142", { exact: true }))).toEqual({ whiteSpace: "nowrap", lines: 1 });
  await checkBothWidths(page, testInfo, "employee-profile");

  await page.goto("/settings/users");
  await page.setViewportSize(phone);
  expect(await measureLines(page.getByRole("cell").getByText(admin.user.email, { exact: true }))).toEqual({ whiteSpace: "nowrap", lines: 1 });
  expect(await measureHorizontalOverflow(page)).toBeLessThanOrEqual(0);
});

test("a fresh admin's empty Team page shows the first-run checklist; once connected and mapped it is gone", async ({ page }, testInfo) => {
  const db = getE2eDb();
  const tag = uniqueSuffix();
  const organization = await createOrganization(db, { name: `Fresh ${tag}`, domain: `fresh-${tag}.test` });
  const admin = await createViewer(db, organization, { role: "admin", hasEmployee: false });
  await signIn(page, admin.user.email, admin.user.password);

  await page.goto("/team");
  const checklist = page.getByTestId("first-run-checklist");
  await expect(checklist.getByRole("heading", { level: 2 })).toHaveText("Get started");
  await expect(checklist.getByText("0 of 3 steps done")).toBeVisible();
  await expect(checklist.getByRole("listitem")).toHaveText(["Connect Dialpad (to do)To do", "Map employees (to do)To do", "Review scores (to do)To do"]);
  await expect(checklist.getByRole("link")).toHaveText(["Connect Dialpad", "Map employees", "Review scores"]);
  await expect(page.getByText("No employees yet.")).toBeVisible();
  await checkBothWidths(page, testInfo, "team-empty");

  const person = await createEmployee(db, organization, { name: `Mapped ${tag}` });
  await linkEmployee(db, person, `mapped-${tag}`);
  const now = Date.now();
  await upsertDialpadConnection(db, {
    organizationId: organization.id, status: "connected", dialpadCompanyId: `c-${tag}`, companyName: `Fresh ${tag}`,
    companyDomain: organization.domain, connectedByName: "Test", connectedAt: now, lastSyncAt: null, updatedAt: now,
  });
  await page.reload();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Team");
  await expect(checklist).toHaveCount(0);
});
