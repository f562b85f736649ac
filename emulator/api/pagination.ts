import type { Ctx } from "../router";
import { decodeCursor, encodeCursor } from "./cursor";
import { invalidParam } from "./errors";
import type { Reply } from "../http-utils";

export const DEFAULT_PAGE_SIZE = 25;
export const MAX_PAGE_SIZE = 100;

/** `limit`: a positive integer, values above 100 are capped at 100. */
export function parseLimit(ctx: Ctx): { ok: true; limit: number } | { ok: false; reply: Reply } {
  const raw = ctx.url.searchParams.get("limit");
  if (raw === null || raw === "") return { ok: true, limit: DEFAULT_PAGE_SIZE };
  if (!/^\d+$/.test(raw) || Number(raw) < 1) return { ok: false, reply: invalidParam("limit", "must be a positive integer.") };
  return { ok: true, limit: Math.min(MAX_PAGE_SIZE, Number(raw)) };
}

interface OffsetCursor {
  kind: string;
  company: number;
  offset: number;
  filter: string;
}

/** Offset pagination for small, static collections (users, webhooks, subscriptions). */
export function pageByOffset<T>(ctx: Ctx, kind: string, company: number, filter: string, items: T[], limit: number):
  { ok: true; page: T[]; cursor: string | undefined } | { ok: false; reply: Reply } {
  const raw = ctx.url.searchParams.get("cursor");
  let offset = 0;
  if (raw) {
    const decoded = decodeCursor(ctx.state.cursorKey, raw) as OffsetCursor | undefined;
    if (!decoded || decoded.kind !== kind || decoded.company !== company || decoded.filter !== filter) {
      return { ok: false, reply: invalidParam("cursor", "the cursor is invalid or belongs to another query.") };
    }
    offset = decoded.offset;
  }
  const page = items.slice(offset, offset + limit);
  const next = offset + limit < items.length
    ? encodeCursor(ctx.state.cursorKey, { kind, company, offset: offset + limit, filter } satisfies OffsetCursor)
    : undefined;
  return { ok: true, page, cursor: next };
}

/** `{items, cursor}` with the cursor key absent on the last page. */
export function collection(items: unknown[], cursor: string | undefined): Record<string, unknown> {
  return cursor ? { items, cursor } : { items };
}
