/** The fields whose value differs, as `{ field: { from, to } }`, for an audit event's details. */
export function changedFields<T extends object>(before: T | null | undefined, after: T, keys: readonly (keyof T & string)[]) {
  const changes: Record<string, { from: unknown; to: unknown }> = {};
  for (const key of keys) {
    const from = before ? before[key] : null;
    if (from !== after[key]) changes[key] = { from, to: after[key] };
  }
  return changes;
}
