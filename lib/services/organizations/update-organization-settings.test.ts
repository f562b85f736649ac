import { beforeEach, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import type { Organization } from "@/db/schema";
import { createOrganization, createViewer } from "@/tests/factories";
import { createTestDb } from "@/tests/db";
import { organizationSettingsSchema } from "./organization-schemas";
import { updateOrganizationSettings } from "./update-organization-settings";

let db: Db;
let org: Organization;
beforeEach(async () => {
  db = await createTestDb();
  org = await createOrganization(db, { domain: "acme.test" });
});

const form = { name: "Acme Two", timezone: "Asia/Tokyo", countryCode: "jp", dayStartHour: "4", workWeek: ["5", "1", "3"] };

describe("organizationSettingsSchema", () => {
  it("reads form strings into stored values", () => {
    expect(organizationSettingsSchema.parse(form)).toEqual({
      name: "Acme Two",
      timezone: "Asia/Tokyo",
      countryCode: "JP",
      dayStartHour: 4,
      workWeek: "1,3,5",
    });
    expect(organizationSettingsSchema.parse({ ...form, workWeek: "6" }).workWeek).toBe("6");
  });

  it("explains a bad hour and an empty work week", () => {
    const result = organizationSettingsSchema.safeParse({ ...form, dayStartHour: "24", workWeek: undefined });
    expect(result.error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([
      ["dayStartHour", "Enter an hour from 0 to 23."],
      ["workWeek", "Choose at least one work day."],
    ]);
  });
});

describe("updateOrganizationSettings", () => {
  it("lets an admin change the settings but not the domain", async () => {
    const { viewer } = await createViewer(db, org, { role: "admin", hasEmployee: false });
    const updated = await updateOrganizationSettings(db, viewer, organizationSettingsSchema.parse(form));
    expect([updated.name, updated.timezone, updated.countryCode, updated.dayStartHour, updated.workWeek, updated.domain]).toEqual([
      "Acme Two",
      "Asia/Tokyo",
      "JP",
      4,
      "1,3,5",
      "acme.test",
    ]);
  });

  it("refuses managers", async () => {
    const { viewer } = await createViewer(db, org, { role: "manager" });
    await expect(updateOrganizationSettings(db, viewer, organizationSettingsSchema.parse(form))).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
  });
});
