// The labels a leg keeps in its own column, bounded: the column is part of the covering index the
// score recompute reads legs from (calls_org_user_legs_idx), and PostgreSQL rejects an index entry
// over about 2.7 kB, which would stop the sync at that call. The stored payload keeps every label.
import { meetingLabels } from "./rules";

/** The JSON text of the kept labels stays within this many characters. */
export const MAX_STORED_LABELS_JSON = 1_000;

/**
 * Distinct labels in their order, dropping those that would take the list's JSON past the bound;
 * meeting labels (which decide whether a leg counts) are kept first.
 */
export function toStoredLabels(labels: readonly string[]): string[] {
  const distinct = [...new Set(labels)];
  if (JSON.stringify(distinct).length <= MAX_STORED_LABELS_JSON) return distinct;
  const isMeeting = (label: string) => (meetingLabels as readonly string[]).includes(label.trim().toLowerCase());
  const kept = new Set<string>();
  let length = 2;
  for (const label of [...distinct.filter(isMeeting), ...distinct.filter((label) => !isMeeting(label))]) {
    const added = JSON.stringify(label).length + (kept.size > 0 ? 1 : 0);
    if (length + added > MAX_STORED_LABELS_JSON) continue;
    kept.add(label);
    length += added;
  }
  return distinct.filter((label) => kept.has(label));
}
