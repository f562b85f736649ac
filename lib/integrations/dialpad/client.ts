import type { z } from "zod";
import { checkDialpadBaseUrl } from "./config";
import { DialpadCursorExpiredError, DialpadNotFoundError, DialpadRequestError, DialpadResponseError } from "./errors";
import { createDialpadHttp, type DialpadClientStats, type DialpadHttpOptions } from "./http";
import { parseInSlices } from "./parse-in-slices";
import {
  dialpadCallSchema,
  dialpadCallSubscriptionSchema,
  dialpadCollectionSchema,
  dialpadCompanySchema,
  dialpadUserSchema,
  dialpadWebhookSchema,
  formatIssues,
  parseItems,
  parseUserItems,
  type DialpadCall,
  type DialpadCallSubscription,
  type DialpadCompany,
  type DialpadUser,
  type DialpadWebhook,
  type RejectedItem,
} from "./schema";

export { createRateLimiter, getSharedRateLimiter, type RateLimiter } from "./rate-limiter";
export type { DialpadClientStats } from "./http";
export type DialpadClientOptions = DialpadHttpOptions;

export type DialpadUserState = "active" | "all" | "cancelled" | "deleted" | "pending" | "suspended";

export interface DialpadCallPage {
  calls: DialpadCall[];
  /** Each entry of `calls` exactly as Dialpad sent it (same order), for storing the raw payload. */
  raw: unknown[];
  /** Items that failed validation, with their raw payload, for quarantine. */
  rejected: RejectedItem[];
  /** Pass back to get the next page; null on the last page. */
  cursor: string | null;
}

export interface DialpadUserPage {
  users: DialpadUser[];
  rejected: RejectedItem[];
  cursor: string | null;
}

export interface ListCallsParams {
  /** Epoch ms, exclusive per Dialpad's wording ("more recently than"). */
  startedAfter: number;
  /** Epoch ms, exclusive ("prior to"). */
  startedBefore: number;
  cursor?: string | null;
  limit?: number;
}

export interface DialpadClient {
  getCompany(): Promise<DialpadCompany>;
  /** GET /users/me: the user who granted the OAuth token. */
  getMe(): Promise<DialpadUser>;
  listUsers(params?: { state?: DialpadUserState }): AsyncGenerator<DialpadUserPage>;
  /**
   * One page of concluded calls (newest first), so the sync can checkpoint page by page. Throws
   * DialpadCursorExpiredError when Dialpad refuses the cursor (strict emulator: 5 minutes after it was issued).
   */
  listCalls(params: ListCallsParams): Promise<DialpadCallPage>;
  getCall(id: string): Promise<DialpadCall>;
  createWebhook(params: { hookUrl: string; secret: string }): Promise<DialpadWebhook>;
  /** Resolves when the webhook is gone, including when Dialpad no longer has it. */
  deleteWebhook(id: string): Promise<void>;
  createCallSubscription(params: { webhookId: string; callStates: readonly string[]; enabled?: boolean }): Promise<DialpadCallSubscription>;
  deleteCallSubscription(id: string): Promise<void>;
  stats(): DialpadClientStats;
}

// 400 is what Dialpad's Google-style errors give an unusable parameter; 410 is how some APIs say "expired".
const cursorRefusedStatuses = new Set([400, 410]);

export function createDialpadClient(options: DialpadClientOptions): DialpadClient {
  const http = createDialpadHttp({ ...options, baseUrl: checkDialpadBaseUrl(options.baseUrl) });

  async function getParsed<T extends z.ZodType>(schema: T, path: string): Promise<z.output<T>> {
    return parseBody(schema, await http.request({ method: "GET", path }), path);
  }

  async function getPage(path: string, query: Record<string, string | number | undefined>) {
    return parseBody(dialpadCollectionSchema, await http.request({ method: "GET", path, query }), path);
  }

  async function deleteIfPresent(path: string): Promise<void> {
    try {
      await http.request({ method: "DELETE", path });
    } catch (error) {
      if (!(error instanceof DialpadNotFoundError)) throw error;
    }
  }

  return {
    getCompany: () => getParsed(dialpadCompanySchema, "/company"),
    getMe: () => getParsed(dialpadUserSchema, "/users/me"),
    getCall: (id) => getParsed(dialpadCallSchema, `/call/${encodeURIComponent(id)}`),

    async *listUsers({ state = "all" } = {}) {
      let cursor: string | null = null;
      do {
        const page = await getPage("/users", { state, cursor: cursor ?? undefined });
        const { users, rejected } = parseUserItems(page.items);
        yield { users, rejected, cursor: page.cursor };
        cursor = page.cursor;
      } while (cursor);
    },

    async listCalls({ startedAfter, startedBefore, cursor, limit = 100 }) {
      const query = { started_after: startedAfter, started_before: startedBefore, cursor: cursor ?? undefined, limit };
      let page: Awaited<ReturnType<typeof getPage>>;
      try {
        page = await getPage("/call", query);
      } catch (error) {
        // With a cursor, the cursor is the only thing that differs from a first page Dialpad accepted.
        if (cursor && error instanceof DialpadRequestError && cursorRefusedStatuses.has(error.status)) {
          throw new DialpadCursorExpiredError(error.status, "/call", error.dialpadMessage);
        }
        throw error;
      }
      const { parsed: calls, rejected } = await parseInSlices(page.items, (slice) => parseItems(dialpadCallSchema, slice));
      const rejectedItems = new Set(rejected.map((item) => item.raw));
      const raw = rejectedItems.size === 0 ? page.items : page.items.filter((item) => !rejectedItems.has(item));
      return { calls, raw, rejected, cursor: page.cursor };
    },

    async createWebhook({ hookUrl, secret }) {
      const body = await http.request({ method: "POST", path: "/webhooks", body: { hook_url: hookUrl, secret } });
      return parseBody(dialpadWebhookSchema, body, "/webhooks");
    },

    deleteWebhook: (id) => deleteIfPresent(`/webhooks/${encodeURIComponent(id)}`),

    async createCallSubscription({ webhookId, callStates, enabled = true }) {
      // The spec's schema names the field endpoint_id; its prose, the old SDK and current community
      // code use webhook_id. Sending both with the same id works whichever name Dialpad reads.
      const body = { endpoint_id: webhookId, webhook_id: webhookId, call_states: callStates, enabled };
      const response = await http.request({ method: "POST", path: "/subscriptions/call", body });
      return parseBody(dialpadCallSubscriptionSchema, response, "/subscriptions/call");
    },

    deleteCallSubscription: (id) => deleteIfPresent(`/subscriptions/call/${encodeURIComponent(id)}`),

    stats: http.stats,
  };
}

function parseBody<T extends z.ZodType>(schema: T, body: unknown, path: string): z.output<T> {
  const result = schema.safeParse(body);
  if (!result.success) throw new DialpadResponseError(path, formatIssues(result.error));
  return result.data;
}
