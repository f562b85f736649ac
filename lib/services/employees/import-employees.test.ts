import { beforeEach, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { listEmployees } from "@/db/queries/employees";
import type { Organization } from "@/db/schema";
import type { Viewer } from "@/lib/services/access/viewer";
import { createEmployee, createOrganization, createViewer } from "@/tests/factories";
import { createTestDb } from "@/tests/db";
import { importEmployees } from "./import-employees";

const header = "name,email,phone,timezone,title,manager_email";

let db: Db;
let org: Organization;
let admin: Viewer;

beforeEach(async () => {
  db = await createTestDb();
  org = await createOrganization(db, { domain: "acme.test", timezone: "America/Chicago" });
  ({ viewer: admin } = await createViewer(db, org, { role: "admin", hasEmployee: false }));
});

async function summary() {
  const all = await listEmployees(db, org.id);
  const emailById = new Map(all.map((e) => [e.id, e.email]));
  return all
    .map((e) => [e.email, e.name, e.timezone, e.managerId === null ? null : emailById.get(e.managerId)])
    .sort((a, b) => String(a[0]).localeCompare(String(b[0])));
}

describe("importEmployees", () => {
  it("creates every row of a valid file, links managers inside the file, and reports the counts", async () => {
    const csv = [
      header,
      '"Lee, Ann",ann@acme.test,+1 415 555 0100,Europe/Berlin,"VP, ""Sales""",',
      "Bo Diaz,BO@acme.test,(312) 555-0101,,Rep,ann@acme.test",
    ].join("\r\n");
    await expect(importEmployees(db, admin, `\uFEFF${csv}\r\n`)).resolves.toEqual({ status: "imported", created: 2, updated: 0 });
    expect(await summary()).toEqual([
      ["ann@acme.test", "Lee, Ann", "Europe/Berlin", null],
      ["bo@acme.test", "Bo Diaz", null, "ann@acme.test"],
    ]);
    const ann = (await listEmployees(db, org.id)).find((e) => e.email === "ann@acme.test");
    expect([ann?.phone, ann?.title, ann?.isActive]).toEqual(["+1 415 555 0100", 'VP, "Sales"', true]);
  });

  it("accepts a phone number with an extension and keeps the extension as typed", async () => {
    const csv = `${header}\nAnn Lee,ann@acme.test,(212) 555-0105 ext. 12,,,\n`;
    await expect(importEmployees(db, admin, csv)).resolves.toEqual({ status: "imported", created: 1, updated: 0 });
    const ann = (await listEmployees(db, org.id)).find((e) => e.email === "ann@acme.test");
    expect(ann?.phone).toBe("(212) 555-0105 ext. 12");
  });

  it("updates employees whose email already exists and may point at existing managers", async () => {
    const boss = await createEmployee(db, org, { name: "Boss", email: "boss@acme.test" });
    await createEmployee(db, org, { name: "Old Name", email: "cy@acme.test", title: "Old", isActive: false });
    const csv = `${header}\nCy New,cy@acme.test,,,,boss@acme.test\nDee,dee@acme.test,,,,\n`;
    await expect(importEmployees(db, admin, csv)).resolves.toEqual({ status: "imported", created: 1, updated: 1 });
    const cy = (await listEmployees(db, org.id)).find((e) => e.email === "cy@acme.test");
    expect([cy?.name, cy?.title, cy?.managerId, cy?.isActive]).toEqual(["Cy New", null, boss.id, false]);
  });

  it("reports every bad row with its spreadsheet row number and changes nothing", async () => {
    await createEmployee(db, org, { name: "Existing", email: "existing@acme.test" });
    const before = await summary();
    const csv = [
      header,
      "Good One,good@acme.test,,,,",
      ",not-an-email,12,Mars/Olympus,,",
      "Dup,GOOD@acme.test,,,,",
      "Lost,lost@acme.test,,,,nobody@acme.test",
      "Short,short@acme.test",
    ].join("\n");
    await expect(importEmployees(db, admin, csv)).resolves.toEqual({
      status: "rejected",
      problems: [
        {
          row: 3,
          message:
            'name is required. email "not-an-email" is not valid. phone "12" is not a phone number. timezone "Mars/Olympus" is not an IANA time zone.',
        },
        { row: 4, message: "email good@acme.test is already on row 2." },
        { row: 5, message: "manager_email nobody@acme.test is not in this file or the organization." },
        { row: 6, message: "Expected 6 fields but found 2." },
      ],
    });
    expect(await summary()).toEqual(before);
  });

  it("rejects manager chains that loop, including through existing employees", async () => {
    await createEmployee(db, org, { email: "top@acme.test" });
    const csv = `${header}\nA,a@acme.test,,,,b@acme.test\nB,b@acme.test,,,,a@acme.test\nSelf,self@acme.test,,,,self@acme.test\n`;
    const report = await importEmployees(db, admin, csv);
    expect(report).toEqual({
      status: "rejected",
      problems: [
        { row: 2, message: "manager chain loops: a@acme.test → b@acme.test → a@acme.test." },
        { row: 3, message: "manager chain loops: b@acme.test → a@acme.test → b@acme.test." },
        { row: 4, message: "manager_email is the employee's own email." },
      ],
    });
    const loop = await importEmployees(db, admin, `${header}\nA,a@acme.test,,,,b@acme.test\nB,b@acme.test,,,,a@acme.test\n`);
    expect(loop).toEqual({
      status: "rejected",
      problems: [
        { row: 2, message: "manager chain loops: a@acme.test → b@acme.test → a@acme.test." },
        { row: 3, message: "manager chain loops: b@acme.test → a@acme.test → b@acme.test." },
      ],
    });
    expect((await summary()).map(([email]) => email)).toEqual(["top@acme.test"]);
  });

  it("checks the header before any row", async () => {
    await expect(importEmployees(db, admin, "name,email,phone,title,manager,zone\nA,a@acme.test,,,,\n")).resolves.toEqual({
      status: "rejected",
      problems: [
        {
          row: 1,
          message:
            "Missing columns: timezone, manager_email. Unknown columns: manager, zone. The header must be name,email,phone,timezone,title,manager_email.",
        },
      ],
    });
  });

  it("rejects an empty file, a header-only file and broken quoting", async () => {
    await expect(importEmployees(db, admin, "")).resolves.toEqual({
      status: "rejected",
      problems: [{ row: 1, message: "The file is empty." }],
    });
    await expect(importEmployees(db, admin, `${header}\r\n\r\n`)).resolves.toEqual({
      status: "rejected",
      problems: [{ row: 2, message: "The file has no employee rows." }],
    });
    await expect(importEmployees(db, admin, `${header}\nA,"a@acme.test,,,,\n`)).resolves.toEqual({
      status: "rejected",
      problems: [{ row: 2, message: "A quoted field is never closed." }],
    });
  });

  it("is for admins only", async () => {
    const { viewer: manager } = await createViewer(db, org, { role: "manager" });
    await expect(importEmployees(db, manager, `${header}\nA,a@acme.test,,,,\n`)).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});
