import fs from "node:fs/promises";
import type { Page, TestInfo } from "@playwright/test";
import { expect, test } from "./support/test";
import { addDays, formatDayKey, formatZoneName } from "@/lib/dates";
import { listSeriousViolations, measureHorizontalOverflow } from "./support/axe";
import { signIn } from "./support/sign-in";
import { arrangeTeamRange } from "./support/team-range-arrange";

const shortDay = (dayKey: string) => formatDayKey(dayKey).replace(/ \d{4}$/, "");
const heatMap = (page: Page) => page.getByRole("region", { name: /^Scores from/ }).getByRole("table");
const rowTexts = (page: Page, name: string) =>
  heatMap(page).getByRole("row").filter({ has: page.getByRole("rowheader", { name, exact: true }) }).locator("td");

async function attachScreenshots(page: Page, testInfo: TestInfo) {
  for (const width of [1440, 390]) {
    await page.setViewportSize({ width, height: 900 });
    expect(await measureHorizontalOverflow(page), `sideways scroll at ${width}px`).toBe(0);
    await testInfo.attach(`Team range at ${width}px`, { body: await page.screenshot({ fullPage: true }), contentType: "image/png" });
  }
  await page.setViewportSize({ width: 1280, height: 800 });
}

const scoresHeader = "Date,Employee,Employee ID,Role,Score,Status,Talk time (s),Talk time baseline (s),Talk time points,Talk time weight,"
  + "Connected calls,Connected calls baseline,Connected calls points,Connected calls weight,Voicemails left,Missed calls";

test.use({ viewport: { width: 1280, height: 800 } });

test("a week as people × days: scores, gaps, Off days, daily averages, cell links and keyboard", async ({ page }, testInfo) => {
  const range = await arrangeTeamRange();
  const { tag, day } = range;
  await signIn(page, range.manager.user.email, range.manager.user.password);
  await page.goto(`/team/range?from=${range.monday}&to=${range.sunday}`);

  const headers = heatMap(page).getByRole("row").first().getByRole("columnheader");
  await expect(headers).toHaveText(["Person", ...[0, 1, 2, 3, 4].map((i) => shortDay(day(i))), `${shortDay(day(5))}Off`, `${shortDay(day(6))}Off`]);
  await expect(heatMap(page).getByRole("row", { name: /^Team average/ }).locator("td")).toHaveText(["—", "80", "13", "15", "0", "—", "—"]);
  await expect(heatMap(page).getByRole("rowheader")).toHaveText(
    ["Team average", `Blake Costa ${tag}`, `Chloe Rossi ${tag}`, `Mia Manager ${tag}`, `Una Unmapped ${tag}`],
  );
  await expect(rowTexts(page, `Blake Costa ${tag}`)).toHaveText(["—", "60", "25", "0", "0", "—", "—"]);
  await expect(rowTexts(page, `Chloe Rossi ${tag}`)).toHaveText(["—", "100", "0", "30", "0", "—", "—"]);
  await expect(rowTexts(page, `Una Unmapped ${tag}`)).toHaveText(Array(7).fill("—"));
  await expect(page.getByText(`Hal Hidden ${tag}`)).toHaveCount(0);
  await expect(page.getByText(`Pat Peer ${tag}`)).toHaveCount(0);

  const blake = `Blake Costa ${tag}`;
  await expect(page.getByRole("link", { name: `${blake}, ${shortDay(day(0))}: no score, no data synced for this day` })).toBeVisible();
  await expect(page.getByRole("link", { name: `${blake}, ${shortDay(day(5))}: no score, not a work day` })).toBeVisible();
  await expect(page.getByRole("link", { name: `Una Unmapped ${tag}, ${shortDay(day(1))}: no score, not mapped to a Dialpad user` })).toBeVisible();
  await expect(page.getByRole("list", { name: "Legend" })).toContainText("75–100: Strong, a good day");

  expect(await listSeriousViolations(page)).toEqual([]);
  await attachScreenshots(page, testInfo);

  // Arrow keys move between cells; Enter opens the person's day.
  await page.getByRole("link", { name: `${blake}, ${shortDay(day(1))}: 60` }).focus();
  await page.keyboard.press("ArrowRight");
  await expect(page.locator(":focus")).toHaveAccessibleName(`${blake}, ${shortDay(day(2))}: 25`);
  await page.keyboard.press("ArrowDown");
  await expect(page.locator(":focus")).toHaveAccessibleName(`Chloe Rossi ${tag}, ${shortDay(day(2))}: 0`);
  await page.keyboard.press("ArrowUp");
  await page.keyboard.press("ArrowLeft");
  await page.keyboard.press("Enter");
  await page.waitForURL(`**/employees/${range.blake.id}?date=${day(1)}`);
  await expect(page.getByRole("heading", { level: 1 })).toContainText(blake);

  await page.goto(`/team/range?from=${range.monday}&to=${range.sunday}`);
  await expect(page.getByRole("navigation", { name: "Team view" }).getByRole("link", { name: "Day" })).toHaveAttribute("href", `/team?date=${range.sunday}`);
});

test("a range that is too long says so and shows the last 7 days", async ({ page }) => {
  const range = await arrangeTeamRange();
  await signIn(page, range.manager.user.email, range.manager.user.password);
  await page.goto(`/team/range?from=${addDays(range.monday, -40)}&to=${range.sunday}`);
  await expect(page.getByRole("alert").filter({ hasText: "Choose at most" })).toHaveText(
    `Choose at most 31 days: ${formatDayKey(addDays(range.monday, -40))} to ${formatDayKey(range.sunday)} is 47 days. Showing the last 7 days instead.`,
  );
  await expect(heatMap(page).getByRole("row").first().getByRole("columnheader")).toHaveCount(8);
});

test("Export CSV downloads the range, and the employee exports give the day's calls and the scores", async ({ page }) => {
  const range = await arrangeTeamRange();
  const { tag, day, blake, chloe } = range;
  await signIn(page, range.manager.user.email, range.manager.user.password);
  await page.goto(`/team/range?from=${range.monday}&to=${range.sunday}`);
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Export CSV" }).click()]);
  expect(download.suggestedFilename()).toBe(`daymark-team-${range.monday}-to-${range.sunday}.csv`);
  const team = await fs.readFile((await download.path())!, "utf8");
  expect(team.startsWith("\uFEFF")).toBe(true);
  expect(team.slice(1).split("\r\n").slice(0, 4)).toEqual([
    scoresHeader,
    `${day(0)},Blake Costa ${tag},${blake.id},Closer ${tag},,No score: no data synced for this day,,,,,,,,,,`,
    `${day(1)},Blake Costa ${tag},${blake.id},Closer ${tag},60,Scored,3600,3600,60,3,10,10,60,2,0,0`,
    `${day(2)},Blake Costa ${tag},${blake.id},Closer ${tag},25,Scored,1800,3600,30,3,3,10,18,2,0,0`,
  ]);
  // 4 people × 7 days.
  expect(team.split("\r\n").length).toBe(1 + 28 + 1);

  const calls = await page.request.get(`/api/exports/employees/${blake.id}/calls?date=${day(1)}`);
  expect(calls.headers()["content-disposition"]).toBe(`attachment; filename="daymark-calls-blake-costa-${tag}-${day(1)}.csv"`);
  const callLines = (await calls.text()).replace(/^\uFEFF/, "").split("\r\n");
  expect(callLines[0]).toBe("Start,Direction,Other party,Number,Duration (s),Talk time (s),Counted (s),Added to the day (s),Status,Flagged,Reason");
  const zone = formatZoneName(range.firstCallAt, range.timeZone);
  expect(callLines[1]).toMatch(new RegExp(`^${day(1)} 08:00:00 ${zone},Outbound,'\\+1 ••• ••• 0142,'\\+1 ••• ••• 0142,360,360,360,360,Counted,No,`));
  expect(callLines.length).toBe(1 + 10 + 1);

  const scores = await page.request.get(`/api/exports/employees/${chloe.id}/scores?from=${range.monday}&to=${range.sunday}`);
  expect((await scores.text()).replace(/^\uFEFF/, "").split("\r\n").slice(0, 3)).toEqual([
    scoresHeader,
    `${day(0)},Chloe Rossi ${tag},${chloe.id},Setter ${tag},,No score: no data synced for this day,,,,,,,,,,`,
    `${day(1)},Chloe Rossi ${tag},${chloe.id},Setter ${tag},100,Scored,7200,3600,100,3,20,10,100,2,0,0`,
  ]);
  const hidden = await page.request.get(`/api/exports/employees/${range.hal.id}/calls?date=${day(1)}`);
  expect(hidden.status()).toBe(404);
});
