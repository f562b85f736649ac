import type { Db } from "@/db/client";
import { getDialpadConnection } from "@/db/queries/dialpad-connections";
import { getFirstRunFacts } from "@/db/queries/first-run";
import { assertRole, type Viewer } from "@/lib/services/access/viewer";

export type ChecklistStep = { key: "connect" | "map" | "review"; label: string; href: string; isDone: boolean };

/** Admins' first steps, each ticked from what is stored: a live Dialpad connection, a mapped employee, a scored day. */
export async function getFirstRunChecklist(db: Db, viewer: Viewer): Promise<ChecklistStep[]> {
  assertRole(viewer, ["admin"]);
  const [connection, facts] = await Promise.all([getDialpadConnection(db, viewer.organizationId), getFirstRunFacts(db, viewer.organizationId)]);
  return [
    { key: "connect", label: "Connect Dialpad", href: "/settings/products", isDone: connection?.status === "connected" },
    { key: "map", label: "Map employees", href: "/settings/products/phone-system/mapping", isDone: facts.hasMappedEmployee },
    { key: "review", label: "Review scores", href: "/team", isDone: facts.hasScoredDay },
  ];
}
