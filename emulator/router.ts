import type { IncomingMessage } from "node:http";
import type { Reply } from "./http-utils";
import type { EmulatorState } from "./state";

export interface Ctx {
  req: IncomingMessage;
  method: string;
  url: URL;
  params: Record<string, string>;
  /** "METHOD /pattern", e.g. "GET /api/v2/call/{id}" (stats and per-endpoint rate limits). */
  routeKey: string;
  state: EmulatorState;
  /** The raw request body (read once by the server before routing). */
  body: string;
}

export type Handler = (ctx: Ctx) => Promise<Reply> | Reply;

interface Route {
  method: string;
  pattern: string;
  parts: string[];
  handler: Handler;
}

export type RouteMatch =
  | { kind: "found"; key: string; handler: Handler; params: Record<string, string> }
  | { kind: "method_not_allowed"; key: string; allow: string[] }
  | { kind: "not_found"; key: string };

/** Minimal method + path router; `{name}` segments capture a parameter. */
export class Router {
  private routes: Route[] = [];

  add(method: string, pattern: string, handler: Handler): this {
    this.routes.push({ method, pattern, parts: pattern.split("/"), handler });
    return this;
  }

  match(method: string, path: string): RouteMatch {
    const parts = path.split("/");
    const allow: string[] = [];
    let pattern = "";
    for (const route of this.routes) {
      const params = matchParts(route.parts, parts);
      if (!params) continue;
      pattern = route.pattern;
      if (route.method === method) return { kind: "found", key: `${method} ${route.pattern}`, handler: route.handler, params };
      allow.push(route.method);
    }
    if (allow.length > 0) return { kind: "method_not_allowed", key: `${method} ${pattern}`, allow };
    return { kind: "not_found", key: `${method} (unmatched)` };
  }
}

function matchParts(pattern: string[], path: string[]): Record<string, string> | null {
  if (pattern.length !== path.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < pattern.length; i++) {
    const p = pattern[i]!;
    const actual = path[i]!;
    if (p.startsWith("{") && p.endsWith("}")) {
      if (actual === "") return null;
      try {
        params[p.slice(1, -1)] = decodeURIComponent(actual);
      } catch {
        return null;
      }
    } else if (p !== actual) {
      return null;
    }
  }
  return params;
}
