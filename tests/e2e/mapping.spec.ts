import type { Page } from "@playwright/test";
import { expect, test } from "./support/test";
import { and, eq, like, or } from "drizzle-orm";
import type { Db } from "@/db/client";
import { getEmployeeByEmail } from "@/db/queries/employees";
import { listEmployeeDialpadLinks, listMappingEvents } from "@/db/queries/mapping";
import { createEmployee, createViewer, uniqueSuffix } from "@/tests/factories";
import { adminStorageState } from "./support/accounts";
import { connectDialpad, emulatorAdmin } from "./support/connect-dialpad";
import { employees } from "@/db/schema";
import { getE2eDb, getFirstOrganization } from "./support/e2e-db";
import { expectForbiddenPage, signIn } from "./support/sign-in";
import { formatPhoneNumber } from "@/lib/format-phone";

type EmulatorUser = { id: string; email: string; state: string; license: string | null; phone: string | null };
type EmulatorCompanies = { items: { domain: string; users: EmulatorUser[] }[] };

const mappingPath = "/settings/products/phone-system/mapping";

/** Active emulator users with a phone line, in generation order (the admin, index 0, is left out). */
async function callingUsers(): Promise<EmulatorUser[]> {
  const { items } = (await emulatorAdmin("companies")) as EmulatorCompanies;
  const users = items.find((company) => company.domain === "firstlight.test")!.users;
  return users.slice(1).filter((u) => u.state === "active" && u.phone !== null && u.license !== "lite_support_agents");
}

/** "+14155551003" → "+1 (415) 555-1003": how people type it (the organization is in Germany, so +1 is needed). */
function typedUsNumber(e164: string): string {
  return e164.replace(/^\+1(\d{3})(\d{3})(\d{4})$/, "+1 ($1) $2-$3");
}

/** The table row of one employee, found through the search box. */
async function employeeRow(page: Page, search: string, name: string) {
  await page.getByLabel("Search employees").fill(search);
  return page.getByRole("row").filter({ has: page.getByRole("link", { name, exact: true }) });
}

/**
 * CI retries a failed test, and an earlier attempt's employees would share these Dialpad users'
 * numbers (a conflict instead of a match) or hold the spare user. Deleting them cascades to their links.
 */
async function deleteEarlierAttempts(db: Db, organizationId: number, spareEmail: string) {
  const isEarlierAttempt = or(
    like(employees.name, "Phone Match %"),
    like(employees.name, "Rival A %"),
    like(employees.name, "Rival B %"),
    eq(employees.email, spareEmail),
  );
  await db.delete(employees).where(and(eq(employees.organizationId, organizationId), isEarlierAttempt));
}

async function disconnectIfConnected(page: Page) {
  await page.goto("/settings/products");
  if ((await page.getByTestId("dialpad-status").filter({ hasText: "Connected" }).count()) === 0) return;
  await page.getByRole("button", { name: "Disconnect Dialpad" }).click();
  await page.getByRole("dialog", { name: "Disconnect Dialpad?" }).getByRole("button", { name: "Disconnect" }).click();
  await expect(page.getByTestId("dialpad-result")).toHaveText("Dialpad is disconnected and its tokens are deleted.");
}

test.describe.serial("Settings → Products → Phone System → Mapping", () => {
  test.use({ storageState: adminStorageState });

  test("auto-maps after connect, a conflict is fixed by hand, and an unmapped Dialpad user becomes an employee", async ({ page }) => {
    const db = getE2eDb();
    const organization = await getFirstOrganization();
    const [byEmail, byPhone, shared, spare] = await callingUsers();
    const tag = uniqueSuffix();
    await deleteEarlierAttempts(db, organization.id, spare!.email);
    // Numbers are typed the way people write them; a retry reuses the employee with the Dialpad email.
    const emailEmployee =
      (await getEmployeeByEmail(db, { organizationId: organization.id, email: byEmail!.email })) ??
      (await createEmployee(db, organization, { name: `Email Match ${tag}`, email: byEmail!.email }));
    const phoneEmployee = await createEmployee(db, organization, { name: `Phone Match ${tag}`, phone: typedUsNumber(byPhone!.phone!) });
    const rivalA = await createEmployee(db, organization, { name: `Rival A ${tag}`, phone: typedUsNumber(shared!.phone!) });
    const rivalB = await createEmployee(db, organization, { name: `Rival B ${tag}`, phone: shared!.phone! });

    await disconnectIfConnected(page);
    await connectDialpad(page);
    // The sync that starts on connect fetches Dialpad's users in the background and auto-maps.
    await expect
      .poll(async () => (await listEmployeeDialpadLinks(db, organization.id)).filter((l) => l.employeeId === phoneEmployee.id).length)
      .toBe(1);
    await page.getByRole("link", { name: "map employees to Dialpad users" }).click();
    await expect(page).toHaveURL(mappingPath);
    await expect(page.getByRole("heading", { name: "Map employees to Dialpad users" })).toBeVisible();

    const emailRow = await employeeRow(page, byEmail!.email, emailEmployee.name);
    await expect(emailRow.getByRole("cell").nth(1)).toHaveText("Mapped");
    await expect(emailRow.getByRole("cell").nth(3)).toHaveText(`Email${byEmail!.email}`);
    const phoneRow = await employeeRow(page, tag, phoneEmployee.name);
    await expect(phoneRow.getByRole("cell").nth(1)).toHaveText("Mapped");
    await expect(phoneRow.getByRole("cell").nth(3)).toHaveText(`Phone${formatPhoneNumber(byPhone!.phone!)}`);

    // Both employees who share one Dialpad number wait for review; nothing was picked for them.
    await page.getByRole("button", { name: /^Conflicts \(\d+\)$/ }).click();
    await expect(page).toHaveURL(new RegExp(`filter=conflicts`));
    await page.getByLabel("Search employees").fill(`Rival A ${tag}`);
    const rivalRow = page.getByRole("row").filter({ has: page.getByRole("link", { name: rivalA.name }) });
    await expect(rivalRow.getByRole("cell").nth(1)).toHaveText("Conflict");
    await expect(rivalRow).toContainText(`Also matched by ${rivalB.name}.`);

    await rivalRow.getByRole("button", { name: /^Map to / }).click();
    await expect(page.getByText(`${rivalA.name} is now mapped to`)).toBeVisible();
    await expect(page.getByText("No employees match.")).toBeVisible();
    await page.getByRole("button", { name: /^All \(\d+\)$/ }).click();
    const fixedRow = await employeeRow(page, `Rival A ${tag}`, rivalA.name);
    await expect(fixedRow.getByRole("cell").nth(3)).toHaveText("Manualby Ada Admin");
    await page.getByLabel("Search employees").fill(`Rival B ${tag}`);
    const otherRow = page.getByRole("row").filter({ has: page.getByRole("link", { name: rivalB.name }) });
    await expect(otherRow.getByRole("cell").nth(1)).toHaveText("Not mapped");
    await expect(otherRow).toContainText(`who is mapped by hand to ${rivalA.name}.`);

    const links = await listEmployeeDialpadLinks(db, organization.id);
    expect(links.find((l) => l.employeeId === rivalA.id)).toMatchObject({ dialpadUserId: shared!.id, method: "manual" });
    expect(links.find((l) => l.employeeId === rivalB.id)).toBeUndefined();
    const [event] = await listMappingEvents(db, { organizationId: organization.id, employeeId: rivalA.id });
    expect(event).toMatchObject({ toDialpadUserId: shared!.id, actorName: "Ada Admin", reason: "Chosen by hand" });

    // A refresh from Dialpad keeps the manual choice.
    await page.getByRole("button", { name: "Refresh Dialpad users" }).click();
    await expect(page.getByText(/^Fetched \d+ Dialpad users;/)).toBeVisible();
    expect((await listEmployeeDialpadLinks(db, organization.id)).find((l) => l.employeeId === rivalA.id)?.method).toBe("manual");

    const unmapped = page.getByRole("table", { name: "Dialpad users mapped to nobody" });
    const spareRow = unmapped.getByRole("row").filter({ hasText: spare!.email });
    await spareRow.getByRole("button", { name: "Create employee" }).click();
    await expect(page.getByText("as an employee, mapped to this Dialpad user.")).toBeVisible();
    await expect(unmapped.getByRole("row").filter({ hasText: spare!.email })).toHaveCount(0);
    const created = await getEmployeeByEmail(db, { organizationId: organization.id, email: spare!.email });
    expect(created).toMatchObject({ phone: spare!.phone, isActive: true });
    const createdRow = await employeeRow(page, spare!.email, created!.name);
    await expect(createdRow.getByRole("cell").nth(1)).toHaveText("Mapped");
    await expect(createdRow.getByRole("cell").nth(3)).toHaveText(`Email${spare!.email}`);
  });

  test("the mapping page is for admins only", async ({ page }) => {
    const organization = await getFirstOrganization();
    const { user } = await createViewer(getE2eDb(), organization, { role: "manager", name: `Map Manager ${uniqueSuffix()}` });
    await page.context().clearCookies();
    await signIn(page, user.email, user.password);
    await expectForbiddenPage(page, mappingPath);
  });
});
