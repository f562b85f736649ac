import type { z } from "zod";
import type { Db } from "@/db/client";
import { getOrganizationById, updateOrganization } from "@/db/queries/organizations";
import type { Organization } from "@/db/schema";
import { assertRole, type Viewer } from "@/lib/services/access/viewer";
import { afterOrganizationSettingsChanged } from "@/lib/services/scores/after-organization-settings-changed";
import type { organizationSettingsSchema } from "./organization-schemas";

export type OrganizationSettings = z.output<typeof organizationSettingsSchema>;

/** Admins only. The domain is fixed at set-up: users' emails and the Dialpad company depend on it. */
export async function updateOrganizationSettings(
  db: Db,
  viewer: Viewer,
  settings: OrganizationSettings,
): Promise<Organization> {
  assertRole(viewer, ["admin"]);
  const before = await getOrganizationById(db, viewer.organizationId);
  const updated = await updateOrganization(db, viewer.organizationId, settings);
  if (before) await afterOrganizationSettingsChanged(db, before, updated);
  return updated;
}
