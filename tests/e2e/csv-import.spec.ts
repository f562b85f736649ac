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

test("one upload reports every bad row at once: a bad email, an unknown time zone and a self-managed employee", async ({ page }) => {
  const tag = uniqueSuffix();
  const email = (name: string) => `${name}-${tag}@firstlight.test`;
  await page.goto("/employees/import");
  await page.getByLabel("CSV file").setInputFiles(
    csvFile([
      header,
      `Gail,${email("gail")},,,,`,
      `Xena,x,,,,`,
      `Mo,${email("mo")},,Mars/Base,,`,
      `Ivy,${email("ivy")},,,,${email("ivy")}`,
    ]),
  );
  await page.getByRole("button", { name: "Import" }).click();
  await expect(page.getByText("The file has 3 problems.")).toBeVisible();
  await expect(page.getByRole("table", { name: "Problems found in the file" }).getByRole("row")).toHaveText([
    "RowProblem",
    `3email "x" is not valid.`,
    `4timezone "Mars/Base" is not an IANA time zone.`,
    "5manager_email is the employee's own email.",
  ]);
  expect(await emailsInOrganization()).not.toContain(email("gail"));
});

test("a file over the size limit is refused in the browser before anything is uploaded", async ({ page }) => {
  const posts: string[] = [];
  page.on("request", (request) => {
    if (request.method() === "POST") posts.push(request.url());
  });
  await page.goto("/employees/import");
  const fileInput = page.getByLabel("CSV file");
  await expect(fileInput).toHaveAccessibleDescription("A .csv file of at most 900 KB.");

  const row = `Lee,lee@firstlight.test,,,,\r\n`;
  const bigFile = { name: "big.csv", mimeType: "text/csv", buffer: Buffer.from(`${header}\r\n${row.repeat(Math.ceil(1_200_000 / row.length))}`) };
  expect(bigFile.buffer.length).toBeGreaterThan(1_200_000);
  const message = "The file is larger than 900 KB. Split it into smaller files and import each.";
  await fileInput.setInputFiles(bigFile);
  await expect(fileInput).toHaveAccessibleDescription(`A .csv file of at most 900 KB. ${message}`);
  await page.getByRole("button", { name: "Import" }).click();
  await expect(page.getByText(message)).toBeVisible();

  // A small file then imports: its upload is the only request the form made, the big file's never left.
  const tag = uniqueSuffix();
  await fileInput.setInputFiles(csvFile([header, `Lena,lena-${tag}@firstlight.test,,,,`]));
  await expect(page.getByText(message)).toHaveCount(0);
  await page.getByRole("button", { name: "Import" }).click();
  await expect(page.getByRole("status")).toContainText("Imported 1 employees: 1 created, 0 updated.");
  expect(posts).toEqual([expect.stringMatching(/\/employees\/import$/)]);
});
