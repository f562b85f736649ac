// GET /api/v2/call (concluded calls, newest first, keyset cursor) and GET /api/v2/call/{id}.
import type { CallQuery } from "../data/call-store";
import { toRestCall } from "../data/serialize";
import { json } from "../http-utils";
import type { Handler } from "../router";
import { authenticate, requireAdmin } from "./auth";
import { decodeCursor, encodeCursor } from "./cursor";
import { invalidParam, notFound } from "./errors";
import { DEFAULT_PAGE_SIZE, collection, parseLimit } from "./pagination";

export const targetTypes = [
  "callcenter", "callrouter", "channel", "coachinggroup", "coachingteam", "department", "office", "room", "staffgroup", "unknown", "user",
] as const;

interface CallsCursor {
  kind: "calls";
  company: number;
  after: number;
  before: number;
  target: { id: string; type: string } | null;
  /** Snapshot taken by the first page: later live calls never shift this listing. */
  endedBy: number;
  maxLiveSeq: number;
  key: { started: number; callId: string };
  /** When this cursor was handed out; strict mode refuses it after cursorTtlSeconds. */
  issuedAt: number;
}

type Parsed = { ok: true; query: CallQuery } | { ok: false; reply: ReturnType<typeof invalidParam> };

function epochParam(q: URLSearchParams, name: string, fallback: number): number | null {
  const raw = q.get(name);
  if (raw === null || raw === "") return fallback;
  return /^\d{1,16}$/.test(raw) ? Number(raw) : null;
}

function parseFirstPage(ctx: Parameters<Handler>[0]): Parsed {
  const q = ctx.url.searchParams;
  const after = epochParam(q, "started_after", -1);
  if (after === null) return { ok: false, reply: invalidParam("started_after", "must be UTC milliseconds since the epoch.") };
  const before = epochParam(q, "started_before", Number.MAX_SAFE_INTEGER);
  if (before === null) return { ok: false, reply: invalidParam("started_before", "must be UTC milliseconds since the epoch.") };
  const targetId = q.get("target_id") || null;
  const targetType = q.get("target_type") || null;
  if ((targetId === null) !== (targetType === null)) {
    return { ok: false, reply: invalidParam(targetId ? "target_type" : "target_id", "target_id and target_type must be given together.") };
  }
  if (targetId !== null && !/^\d+$/.test(targetId)) return { ok: false, reply: invalidParam("target_id", "must be an integer id.") };
  if (targetType !== null && !(targetTypes as readonly string[]).includes(targetType)) {
    return { ok: false, reply: invalidParam("target_type", `must be one of ${targetTypes.join(", ")}.`) };
  }
  const target = targetId && targetType ? { id: targetId, type: targetType === "callcenter" ? "call_center" : targetType } : undefined;
  return { ok: true, query: { after, before, target, endedBy: ctx.state.clock.now(), maxLiveSeq: ctx.state.data.calls.liveSeq } };
}

export const listCalls: Handler = (ctx) => {
  const auth = authenticate(ctx);
  if (!auth.ok) return auth.reply;
  const denied = requireAdmin(auth.caller, "calls:list");
  if (denied) return denied;
  const { company } = auth.caller;
  const { config, clock } = ctx.state;
  const isStrict = config.mode === "strict";
  const limit = parseLimit(ctx);
  if (!limit.ok) return limit.reply;
  // Strict mode: `limit` is not a declared parameter of /call, so it is validated but not honoured.
  const pageSize = isStrict ? DEFAULT_PAGE_SIZE : limit.limit;
  const rawCursor = ctx.url.searchParams.get("cursor");
  let query: CallQuery;
  if (rawCursor) {
    const c = decodeCursor(ctx.state.cursorKey, rawCursor) as CallsCursor | undefined;
    if (!c || c.kind !== "calls" || c.company !== company.index) {
      return invalidParam("cursor", "the cursor is invalid or belongs to another query.");
    }
    if (isStrict && clock.now() - c.issuedAt > config.cursorTtlSeconds * 1000) {
      return invalidParam("cursor", "the cursor has expired; list again without it.");
    }
    query = { after: c.after, before: c.before, target: c.target ?? undefined, endedBy: c.endedBy, maxLiveSeq: c.maxLiveSeq, after_key: c.key };
  } else {
    const parsed = parseFirstPage(ctx);
    if (!parsed.ok) return parsed.reply;
    query = parsed.query;
  }
  const { items, hasMore } = ctx.state.data.calls.list(company, query, pageSize);
  const last = items[items.length - 1];
  const cursor = hasMore && last
    ? encodeCursor(ctx.state.cursorKey, {
        kind: "calls", company: company.index, after: query.after, before: query.before, target: query.target ?? null,
        endedBy: query.endedBy, maxLiveSeq: query.maxLiveSeq, key: { started: last.dateStarted, callId: last.callId },
        issuedAt: clock.now(),
      } satisfies CallsCursor)
    : undefined;
  const now = clock.now();
  return json(200, collection(items.map((leg) => toRestCall(leg, now)), cursor));
};

export const getCall: Handler = (ctx) => {
  const auth = authenticate(ctx);
  if (!auth.ok) return auth.reply;
  const id = ctx.params.id ?? "";
  const leg = /^\d+$/.test(id) ? ctx.state.data.calls.findById(auth.caller.company, id) : undefined;
  const now = ctx.state.clock.now();
  if (!leg || leg.dateStarted > now) return notFound(`Call with id ${id} not found.`);
  return json(200, toRestCall(leg, now));
};
