import type { Db } from "@/db/client";
import { getDialpadConnection } from "@/db/queries/dialpad-connections";
import { AppError } from "@/lib/errors";
import { assertRole, type Viewer } from "@/lib/services/access/viewer";
import { refreshDialpadUsers, type RefreshDialpadUsersResult } from "./refresh-dialpad-users";

/** Admins only: the mapping page's "Refresh Dialpad users" button. */
export async function refreshDialpadUsersForAdmin(db: Db, viewer: Viewer): Promise<RefreshDialpadUsersResult> {
  assertRole(viewer, ["admin"]);
  const connection = await getDialpadConnection(db, viewer.organizationId);
  if (connection?.status !== "connected") {
    throw new AppError("DIALPAD_DISCONNECTED", "Dialpad is not connected. Connect it on Settings → Products first.");
  }
  return refreshDialpadUsers(db, viewer.organizationId);
}
