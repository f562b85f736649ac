import type { z } from "zod";
import type { Db } from "@/db/client";
import { updateOrganization } from "@/db/queries/organizations";
import type { Organization } from "@/db/schema";
import { assertRole, type Viewer } from "@/lib/services/access/viewer";
import type { organizationSettingsSchema } from "./organization-schemas";

export type OrganizationSettings = z.output<typeof organizationSettingsSchema>;

/** Admins only. The domain is fixed at set-up: users' emails and the Dialpad company depend on it. */
export async function updateOrganizationSettings(
  db: Db,
  viewer: Viewer,
  settings: OrganizationSettings,
): Promise<Organization> {
  assertRole(viewer, ["admin"]);
  return updateOrganization(db, viewer.organizationId, settings);
}
