import type { MappingContext } from "./compute-mapping";
import type { EmployeeReport, MappingEmployee } from "./types";

const methodLabel = { email: "Email", phone: "Phone" } as const;

/** The outcome plus plain-language notes that explain it, for one employee. */
export function describeEmployee(employee: MappingEmployee, context: MappingContext): EmployeeReport {
  const outcome = context.outcomes.get(employee.id)!;
  const probe = context.probes.get(employee.id)!;
  const hasMalformedPhone = probe.phone !== null && !probe.phone.ok;
  const notes: string[] = [];
  if (probe.phone && !probe.phone.ok) notes.push(`Phone ${probe.phone.reason}`);

  const linkedUserId =
    outcome.kind === "matched" ? outcome.match.dialpadUserId : outcome.kind === "manual" || outcome.kind === "inactive" ? outcome.dialpadUserId : null;
  const linked = linkedUserId === null ? undefined : context.directory.byId.get(linkedUserId);
  if (linked && !linked.eligibility.isMappable) {
    notes.push(`${linked.name}: ${linked.eligibility.reason}. The mapping is kept so past calls still count.`);
  } else if (linkedUserId !== null && !linked) {
    notes.push(`Dialpad user ${linkedUserId} is not in the last Dialpad user list.`);
  }
  if (outcome.kind !== "unmatched" && outcome.kind !== "conflict") return { outcome, notes, hasMalformedPhone };

  const surviving = new Set((context.surviving.get(employee.id) ?? []).map((m) => m.dialpadUserId));
  const candidateMatches = context.candidates.get(employee.id) ?? [];
  const candidates = new Set(candidateMatches.map((m) => m.dialpadUserId));
  const hasEmailCandidate = candidateMatches.some((m) => m.method === "email");
  const explained = new Set<string>();
  for (const hit of probe.hits) {
    const id = hit.entry.user.dialpadUserId;
    if (surviving.has(id) || explained.has(id)) continue;
    explained.add(id);
    const who = `${methodLabel[hit.method]} matches Dialpad user ${hit.entry.name}`;
    const holder = context.holderByUser.get(id);
    if (holder !== undefined) {
      const holderEmployee = context.employees.get(holder);
      const name = holderEmployee?.name ?? "another employee";
      notes.push(`${who}, who is mapped ${holderEmployee?.isActive === false ? `to inactive employee ${name}` : `by hand to ${name}`}.`);
    } else if (!hit.entry.eligibility.isMappable) {
      notes.push(`${who}, who can't be mapped: ${hit.entry.eligibility.reason}.`);
    } else if (candidates.has(id)) {
      notes.push(hasEmailCandidate ? `${who}; email matches come first.` : `${who}, but that user matches another employee by email.`);
    }
  }
  if (probe.email === null) notes.push("No email to match by.");
  if (probe.phone === null && outcome.kind === "unmatched") notes.push("No phone number to match by.");
  if (outcome.kind === "unmatched" && probe.hits.length === 0 && (probe.email !== null || probe.phone?.ok)) {
    const keys = [probe.email ? `the email ${probe.email}` : null, probe.phone?.ok ? `the number ${probe.phone.e164}` : null];
    notes.push(`No Dialpad user has ${keys.filter(Boolean).join(" or ")}.`);
  }
  return { outcome, notes, hasMalformedPhone };
}
