import { expect, test } from "./support/test";
import { listEmployees } from "@/db/queries/employees";
import { uniqueSuffix } from "@/tests/factories";
import { adminStorageState } from "./support/accounts";
import { getE2eDb, getFirstOrganization } from "./support/e2e-db";

test.use({ storageState: adminStorageState });

const header = "name,email,phone,timezone,title,manager_email";

async function emailsInOrganization(): Promise<string[]> {
  const organization = await getFirstOrganization();
  return (await listEmployees(getE2eDb(), organization.id)).map((e) => e.email);
}

function csvFile(lines: string[]) {
  return { name: "employees.csv", mimeType: "text/csv", buffer: Buffer.from(`\uFEFF${lines.join("\r\n")}\r\n`) };
}

test("a file with a bad row imports nothing; the fixed file imports every row", async ({ page }) => {
  // Unique addresses keep a retry from turning "created" into "updated".
  const tag = uniqueSuffix();
  const email = (name: string) => `${name}-${tag}@firstlight.test`;
  await page.goto("/employees/import");
  await page.getByLabel("CSV file").setInputFiles(
    csvFile([
      header,
      `"Quinn, Q.",${email("quinn")},+49 30 1234567,Europe/Berlin,"Lead, ""Ops""",`,
      `Rory,rory-${tag}@firstlight,,Mars/Base,,${email("quinn")}`,
      `Sam,${email("sam")},,,,${email("nobody")}`,
    ]),
  );
  await page.getByRole("button", { name: "Import" }).click();
  await expect(page.getByRole("heading", { name: "Nothing was imported" })).toBeVisible();
  const problems = page.getByRole("table", { name: "Problems found in the file" });
  await expect(problems.getByRole("row")).toHaveText([
    "RowProblem",
    `3email "rory-${tag}@firstlight" is not valid. timezone "Mars/Base" is not an IANA time zone.`,
    `4manager_email ${email("nobody")} is not in this file or the organization.`,
  ]);
  expect(await emailsInOrganization()).not.toContain(email("quinn"));

  await page.getByLabel("CSV file").setInputFiles(
    csvFile([
      header,
      `"Quinn, Q.",${email("quinn")},+49 30 1234567,Europe/Berlin,"Lead, ""Ops""",`,
      `Rory,${email("rory")},,,,${email("quinn")}`,
      `Sam,${email("sam")},,,,${email("quinn")}`,
    ]),
  );
  await page.getByRole("button", { name: "Import" }).click();
  await expect(page.getByRole("status")).toContainText("Imported 3 employees: 3 created, 0 updated.");
  expect(await emailsInOrganization()).toEqual(
    expect.arrayContaining([email("quinn"), email("rory"), email("sam")]),
  );

  await page.getByRole("link", { name: "View employees" }).click();
  await page.getByLabel("Search employees").fill(email("quinn"));
  await expect(page).toHaveURL(new RegExp(`/employees\\?q=quinn-${tag}%40firstlight.test$`));
  await expect(page.getByRole("row")).toHaveCount(2);
  const quinn = page.getByRole("row").nth(1);
  await expect(quinn).toContainText('Lead, "Ops"');
  await expect(quinn).toContainText("Europe/Berlin");
  await quinn.getByRole("link", { name: "Quinn, Q." }).click();
  await expect(page.getByRole("heading", { name: "Direct reports" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Rory" })).toBeVisible();
});
