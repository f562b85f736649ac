/**
 * Follows manager links upward from `start` and returns the loop it runs into, or null.
 * `managerOf` maps each person to their manager (null at the top); keys are ids or emails.
 */
export function findManagerCycle<K>(managerOf: ReadonlyMap<K, K | null>, start: K): K[] | null {
  const path: K[] = [];
  const seen = new Set<K>();
  let current: K | null | undefined = start;
  while (current !== null && current !== undefined) {
    if (seen.has(current)) return path.slice(path.indexOf(current));
    seen.add(current);
    path.push(current);
    current = managerOf.get(current);
  }
  return null;
}
