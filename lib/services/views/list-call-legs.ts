import type { Db } from "@/db/client";
import { listEmployeesByIds } from "@/db/queries/employees";
import { listLinkedLegs, listLinksByDialpadUsers } from "@/db/queries/views";
import type { CallRow } from "@/db/schema";
import { canSeeEmployee } from "@/lib/services/access/visible-employees";
import type { Viewer } from "@/lib/services/access/viewer";

export type LegRelation = "this" | "master" | "entry_point" | "linked";

export interface LinkedLeg {
  callId: number;
  dialpadCallId: string;
  relation: LegRelation;
  direction: CallRow["direction"];
  state: string;
  startedAt: number;
  rangAt: number | null;
  connectedAt: number | null;
  endedAt: number | null;
  targetName: string | null;
  targetType: string | null;
  isTransferred: boolean;
  /** The employee this leg belongs to, when the viewer may open their page; null otherwise. */
  owner: { employeeId: number; name: string } | null;
  /** The leg's Dialpad user is linked to an employee (visible to the viewer or not). */
  isMapped: boolean;
}

/**
 * Every stored leg of the same call graph: this leg's master and entry-point legs, and legs that
 * name this leg, its master or its entry point as their own master or entry point (transfers,
 * three-way merges, call-center hops). One level of links is what Dialpad records.
 */
export async function listCallLegs(db: Db, viewer: Viewer, call: CallRow): Promise<LinkedLeg[]> {
  const graphIds = [call.dialpadCallId, call.masterCallId, call.entryPointCallId].filter((id): id is string => !!id);
  const legs = await listLinkedLegs(db, { organizationId: viewer.organizationId, graphIds });
  if (legs.length <= 1) return [];
  const userIds = [...new Set(legs.map((leg) => leg.dialpadUserId).filter((id): id is string => !!id))];
  const links = await listLinksByDialpadUsers(db, viewer.organizationId, userIds);
  const employees = await listEmployeesByIds(db, viewer.organizationId, links.map((link) => link.employeeId));
  const employeeById = new Map(employees.map((e) => [e.id, e]));
  const ownerByUser = new Map(
    links.flatMap((link) => {
      const employee = employeeById.get(link.employeeId);
      return employee && link.dialpadUserId && canSeeEmployee(viewer, employee)
        ? [[link.dialpadUserId, { employeeId: employee.id, name: employee.name }] as const]
        : [];
    }),
  );
  return legs.map((leg) => ({
    callId: leg.id,
    dialpadCallId: leg.dialpadCallId,
    relation: getRelation(call, leg),
    direction: leg.direction,
    state: leg.state,
    startedAt: leg.startedAt,
    rangAt: leg.rangAt,
    connectedAt: leg.connectedAt,
    endedAt: leg.endedAt,
    targetName: leg.targetName,
    targetType: leg.targetType,
    isTransferred: leg.isTransferred,
    owner: leg.dialpadUserId ? (ownerByUser.get(leg.dialpadUserId) ?? null) : null,
    isMapped: links.some((link) => link.dialpadUserId !== null && link.dialpadUserId === leg.dialpadUserId),
  }));
}

function getRelation(call: CallRow, leg: CallRow): LegRelation {
  if (leg.id === call.id) return "this";
  if (leg.dialpadCallId === call.masterCallId) return "master";
  if (leg.dialpadCallId === call.entryPointCallId) return "entry_point";
  return "linked";
}
