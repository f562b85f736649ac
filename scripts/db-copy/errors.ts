import type { TableCount } from "./row-counts";

/** db:copy will not start: the message says why and what to do. Nothing was written. */
export class CopyRefusedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "CopyRefusedError";
  }
}

/** The copied row counts differ from the source's; the copy was rolled back, the target is empty again. */
export class CopyMismatchError extends Error {
  constructor(readonly counts: TableCount[]) {
    super(`Row counts differ for ${counts.filter((c) => c.source !== c.target).map((c) => c.table).join(", ")}: the copy was rolled back.`);
    this.name = "CopyMismatchError";
  }
}
