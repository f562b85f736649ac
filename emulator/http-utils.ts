import type { IncomingMessage, ServerResponse } from "node:http";

/** What a handler returns; the server writes it (and may distort it for fault injection). */
export interface Reply {
  status: number;
  headers?: Record<string, string>;
  body?: string;
}

export const MAX_BODY_BYTES = 1_000_000;

export class BodyTooLargeError extends Error {}

export async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buf = chunk as Buffer;
    size += buf.length;
    if (size > MAX_BODY_BYTES) throw new BodyTooLargeError("request body too large");
    chunks.push(buf);
  }
  return Buffer.concat(chunks).toString("utf8");
}

export function json(status: number, value: unknown, headers: Record<string, string> = {}): Reply {
  return { status, headers: { "content-type": "application/json; charset=utf-8", ...headers }, body: JSON.stringify(value) };
}

export function html(status: number, body: string): Reply {
  return {
    status,
    headers: { "content-type": "text/html; charset=utf-8", "cache-control": "no-store", "x-frame-options": "DENY" },
    body,
  };
}

export function redirect(location: string): Reply {
  return { status: 302, headers: { location, "cache-control": "no-store" } };
}

export const noContent = (): Reply => ({ status: 204 });

export function writeReply(res: ServerResponse, reply: Reply): void {
  if (res.headersSent || res.destroyed) return;
  res.writeHead(reply.status, reply.headers);
  res.end(reply.body);
}

export type ParsedBody = { ok: true; value: Record<string, unknown> } | { ok: false; message: string };

/** Parses a JSON object or an x-www-form-urlencoded body (anything not declared JSON is tried as a form). */
export function parseBody(raw: string, contentType: string | undefined): ParsedBody {
  if (raw.trim() === "") return { ok: true, value: {} };
  const type = (contentType ?? "").split(";")[0]?.trim().toLowerCase() ?? "";
  if (type === "application/json" || type.endsWith("+json")) {
    try {
      const value: unknown = JSON.parse(raw);
      if (value === null || typeof value !== "object" || Array.isArray(value)) {
        return { ok: false, message: "Request body must be a JSON object." };
      }
      return { ok: true, value: value as Record<string, unknown> };
    } catch {
      return { ok: false, message: "Request body is not valid JSON." };
    }
  }
  return { ok: true, value: Object.fromEntries(new URLSearchParams(raw)) };
}

/** Like parseBody but insists on JSON (the REST API). */
export function parseJsonBody(raw: string): ParsedBody {
  return parseBody(raw, "application/json");
}

export function escapeHtml(text: string): string {
  return text
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;")
    .replaceAll("'", "&#39;");
}

export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal?.removeEventListener("abort", done);
      resolve();
    }
    signal?.addEventListener("abort", done, { once: true });
  });
}
