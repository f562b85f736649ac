import type { Db } from "@/db/client";
import { getDialpadConnection } from "@/db/queries/dialpad-connections";
import type { ConnectionStatus } from "@/db/schema";
import { assertAdmin, type AdminContext } from "./context";

/** What the Products page shows about the connection; never any token material. */
export interface DialpadConnectionSummary {
  status: ConnectionStatus;
  companyName: string;
  companyDomain: string;
  connectedByName: string;
  connectedAt: number;
  accessTokenExpiresAt: number | null;
  lastSyncAt: number | null;
  licensedUserCount: number;
  totalUserCount: number;
  lastErrorMessage: string | null;
}

export async function getDialpadConnectionSummary(
  db: Db,
  admin: AdminContext,
): Promise<DialpadConnectionSummary | null> {
  assertAdmin(admin);
  const connection = await getDialpadConnection(db, admin.organizationId);
  if (!connection) return null;
  return {
    status: connection.status,
    companyName: connection.companyName,
    companyDomain: connection.companyDomain,
    connectedByName: connection.connectedByName,
    connectedAt: connection.connectedAt,
    accessTokenExpiresAt: connection.status === "connected" ? connection.accessTokenExpiresAt : null,
    lastSyncAt: connection.lastSyncAt,
    licensedUserCount: connection.licensedUserCount,
    totalUserCount: connection.totalUserCount,
    lastErrorMessage: connection.lastErrorMessage,
  };
}
