import { expect, test } from "./support/test";
import { createEmployee, createViewer, uniqueSuffix } from "@/tests/factories";
import { adminStorageState } from "./support/accounts";
import { getE2eDb, getFirstOrganization } from "./support/e2e-db";
import { expectForbiddenPage, expectNotFoundPage, signIn } from "./support/sign-in";

async function arrangeTeam() {
  const db = getE2eDb();
  const organization = await getFirstOrganization();
  const manager = await createViewer(db, organization, { role: "manager", name: "Mona Manager" });
  const report = await createViewer(db, organization, {
    role: "employee",
    name: "Reed Report",
    managerId: manager.employee?.id,
  });
  const peer = await createEmployee(db, organization, { name: "Pia Peer" });
  return { manager, report, peer };
}

test("a manager sees themselves and their reports, gets the no-access page for settings and a 404 for others", async ({ page }) => {
  const { manager, report, peer } = await arrangeTeam();
  await signIn(page, manager.user.email, manager.user.password);

  const nav = page.getByRole("navigation", { name: "Main" });
  await expect(nav.getByRole("link")).toHaveText(["Team", "Employees", "My data"]);
  await expect(page.getByRole("table", { name: "Team day" }).getByRole("link")).toHaveText([
    /Mona Manager/,
    /Reed Report/,
  ]);

  await page.goto("/employees");
  await expect(page.getByText("You and your direct reports (read-only).")).toBeVisible();
  await expect(page.getByRole("link", { name: "Add employee" })).toHaveCount(0);
  await expect(page.getByRole("row")).toHaveCount(3);

  await page.getByRole("link", { name: "Reed Report" }).click();
  await expect(page.getByRole("heading", { name: "Reed Report" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Edit" })).toHaveCount(0);

  await expectForbiddenPage(page, "/settings");
  await expectForbiddenPage(page, "/settings/users");
  await expectForbiddenPage(page, "/employees/new");
  await expectNotFoundPage(page, `/employees/${peer.id}`);
  await expectNotFoundPage(page, "/employees/abc");
  await expectNotFoundPage(page, "/employees/99999999999999999999");
  await expectForbiddenPage(page, `/employees/${report.employee?.id}/edit`);
});

test("an employee sees only their own record", async ({ page }) => {
  const { manager, report } = await arrangeTeam();
  await signIn(page, report.user.email, report.user.password);

  // "My day": an employee lands on their own day, and Team and Employees send them back to it.
  const ownDay = new RegExp(`/employees/${report.employee?.id}$`);
  await expect(page).toHaveURL(ownDay);
  await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link")).toHaveText(["My day", "My data"]);
  await page.goto("/team");
  await expect(page).toHaveURL(ownDay);
  await page.goto("/employees");
  await expect(page).toHaveURL(ownDay);

  await page.goto(`/employees/${report.employee?.id}`);
  // Their manager's name is shown, but not as a link they could follow.
  await expect(page.getByText("Mona Manager")).toBeVisible();
  await expect(page.getByRole("link", { name: "Mona Manager" })).toHaveCount(0);
  await expectNotFoundPage(page, `/employees/${manager.employee?.id}`);
  await expectForbiddenPage(page, "/settings");
});

test.describe("as the admin", () => {
  test.use({ storageState: adminStorageState });

  test("adds a user with a role; the email must be in the domain", async ({ page }) => {
    const email = `uma-${uniqueSuffix()}@firstlight.test`;
    await page.goto("/settings/users");
    const form = page.locator("form", { has: page.getByRole("button", { name: "Add user" }) });
    await form.getByLabel("Name").fill("Uma User");
    await form.getByLabel("Email").fill("uma@gmail.test");
    await form.getByLabel("Role").selectOption("manager");
    await form.getByLabel("First password").fill("uma-password-1");
    await form.getByRole("button", { name: "Add user" }).click();
    await expect(form.getByText("Use an address at firstlight.test.")).toBeVisible();

    await form.getByLabel("Email").fill(email);
    await form.getByLabel("First password").fill("uma-password-1");
    await form.getByRole("button", { name: "Add user" }).click();
    await expect(page.getByRole("status")).toHaveText(`User ${email} added.`);
    const row = page.getByRole("row", { name: new RegExp(email) });
    await expect(row.getByLabel("Role for Uma User")).toHaveValue("manager");

    await row.getByLabel("Role for Uma User").selectOption("employee");
    await row.getByRole("button", { name: "Save role" }).click();
    await page.reload();
    await expect(page.getByRole("row", { name: new RegExp(email) }).getByLabel("Role for Uma User")).toHaveValue("employee");
  });
});
