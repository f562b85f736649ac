import type { Db } from "@/db/client";
import { getOrganizationById } from "@/db/queries/organizations";
import type { Organization } from "@/db/schema";
import { AppError } from "@/lib/errors";
import type { Viewer } from "@/lib/services/access/viewer";

/** The viewer's own organization; every role may read it (timezone, day start, work week). */
export async function getViewerOrganization(db: Db, viewer: Viewer): Promise<Organization> {
  const organization = await getOrganizationById(db, viewer.organizationId);
  if (!organization) throw new AppError("NOT_FOUND", "Organization not found.");
  return organization;
}
