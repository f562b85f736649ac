import { expect, test } from "./support/test";
import { createEmployee, createOrganization, createUser } from "@/tests/factories";
import { adminStorageState } from "./support/accounts";
import { getE2eDb, getFirstOrganization } from "./support/e2e-db";
import { expectNotFoundPage, signIn } from "./support/sign-in";

async function arrangeTwoOrganizations() {
  const db = getE2eDb();
  const home = await createEmployee(db, await getFirstOrganization(), { name: "Hana Home" });
  const otherOrg = await createOrganization(db, { name: "Other Works" });
  const otherAdmin = await createUser(db, otherOrg, { role: "admin", name: "Otto Admin" });
  const foreign = await createEmployee(db, otherOrg, { name: "Fritz Foreign" });
  return { home, otherAdmin, foreign };
}

test.describe("one organization cannot see another's employees", () => {
  test.use({ storageState: adminStorageState });

  test("the first admin sees their own employees only, and a 404 for the other's", async ({ page }) => {
    const { home, foreign } = await arrangeTwoOrganizations();
    await page.goto("/employees");
    await expect(page.getByRole("link", { name: home.name })).toBeVisible();
    await expect(page.getByText(foreign.name)).toHaveCount(0);
    await page.goto("/team");
    await expect(page.getByText(foreign.name)).toHaveCount(0);
    await expectNotFoundPage(page, `/employees/${foreign.id}`);
    await expectNotFoundPage(page, `/employees/${foreign.id}/edit`);
  });
});

test("the other organization's admin sees only their organization", async ({ page }) => {
  const { home, otherAdmin, foreign } = await arrangeTwoOrganizations();
  await signIn(page, otherAdmin.email, otherAdmin.password);
  await expect(page.getByText("Other Works · admin")).toBeVisible();
  await page.goto("/employees");
  await expect(page.getByRole("row")).toHaveCount(2);
  await expect(page.getByRole("link", { name: foreign.name })).toBeVisible();
  await expectNotFoundPage(page, `/employees/${home.id}`);
});
