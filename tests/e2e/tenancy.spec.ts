import { expect, test } from "./support/test";
import { userRoles } from "@/db/schema";
import { createEmployee, createOrganization, createUser, uniqueSuffix } from "@/tests/factories";
import { adminStorageState, firstOrg } from "./support/accounts";
import { getE2eDb, getFirstOrganization } from "./support/e2e-db";
import { expectForbiddenPage, expectNotFoundPage, signIn } from "./support/sign-in";
import { arrangeSignedUpTenant, listPageUrls } from "./support/tenancy-arrange";

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

// The e2e server runs with DAYMARK_SIGNUP=open (tests/e2e/env.ts); closed is a 404 (app/tenant-isolation.test.ts).
test("a visitor signs up a second organization from the sign-in page; a held domain is refused without naming its organization", async ({ page }) => {
  const tag = uniqueSuffix();
  await page.goto("/login");
  await page.getByRole("link", { name: "Sign up your organization" }).click();
  await expect(page.getByRole("heading", { name: "Sign up" })).toBeVisible();
  await page.getByLabel("Organization name").fill(`Second Sun ${tag}`);
  await page.getByLabel("Email domain").fill(firstOrg.domain);
  await page.getByLabel("Your name").fill("Sol Second");
  await page.getByLabel("Your email").fill(`sol@${firstOrg.domain}`);
  await page.getByLabel("Password").fill("second-password-123");
  await page.getByRole("button", { name: "Sign up" }).click();
  await expect(page.locator(".alert--error")).toHaveText("An organization already uses this email domain; ask its admin to invite you.");
  await expect(page.getByLabel("Email domain")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByText(firstOrg.name)).toHaveCount(0);

  const domain = `second-${tag}.test`;
  await page.getByLabel("Email domain").fill(domain);
  await page.getByLabel("Your email").fill(`sol@${domain}`);
  await page.getByLabel("Password").fill("second-password-123");
  await page.getByRole("button", { name: "Sign up" }).click();
  await expect(page).toHaveURL(/\/login\?signup=1$/);
  await expect(page.getByRole("status")).toContainText("Your organization is ready");
  await signIn(page, `sol@${domain}`, "second-password-123");
  await expect(page.getByText(`Second Sun ${tag} · admin`)).toBeVisible();
  await page.goto("/settings/audit");
  await expect(page.getByRole("cell", { name: `Registered Second Sun ${tag} (${domain})` })).toBeVisible();
  await page.goto("/employees");
  await expect(page.getByText("Hana Home")).toHaveCount(0);
});

for (const role of userRoles) {
  test(`a signed-up organization's ${role} gets a 404 for each page with the first organization's ids (the no-access page where its role can't open the page at all), and no page shows its data`, async ({ page }) => {
    test.setTimeout(600_000);
    const tenant = await arrangeSignedUpTenant();
    const ids: Record<string, string | null> = { id: String(tenant.employee.id), callId: String(tenant.call.id), token: null };
    const fill = (segment: string) => {
      if (!(segment in ids)) throw new Error(`tests/e2e/tenancy.spec.ts has no foreign value for [${segment}]`);
      return ids[segment] ?? null;
    };
    const { withIds, withoutIds } = listPageUrls(fill);
    expect(withIds).toEqual([`/employees/${tenant.employee.id}`, `/employees/${tenant.employee.id}/calls/${tenant.call.id}`, `/employees/${tenant.employee.id}/edit`]);

    await signIn(page, tenant.logins[role].email, tenant.logins[role].password);
    await expect(page.getByText(`${tenant.organization.name} · ${role}`)).toBeVisible();
    // Its own employee with the first organization's call, too.
    // A role that can't edit anyone gets the edit page's 403 whatever the id; everything else naming a foreign id is a 404.
    for (const url of [...withIds, `/employees/${tenant.ownEmployeeId}/calls/${tenant.call.id}`]) {
      await (url.endsWith("/edit") && role !== "admin" ? expectForbiddenPage(page, url) : expectNotFoundPage(page, url));
    }
    for (const url of withoutIds) {
      const response = await page.goto(url);
      expect([200, 403, 404], `${role} ${url}`).toContain(response?.status());
      // The Dialpad result page hands over to Products by itself; let it, or it cancels the next visit.
      if (url.startsWith("/settings/products/dialpad-result") && response?.status() === 200) await page.waitForURL(/\/settings\/products\?/);
      await expect(page.locator("body"), `${role} ${url}`).not.toContainText(tenant.marker);
    }
  });
}
