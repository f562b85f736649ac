// The HTTP server: routing, request counting, fault injection, then the handler's reply.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { backendError, googleError, notFound, rateLimited } from "./api/errors";
import { resolveConfig, type EmulatorConfig } from "./config";
import type { EmulatorClock } from "./clock";
import { BodyTooLargeError, readBody, writeReply, type Reply } from "./http-utils";
import { buildRouter } from "./routes";
import type { Router } from "./router";
import { EmulatorState } from "./state";

export interface RunningEmulator {
  url: string;
  state: EmulatorState;
  close(): Promise<void>;
}

/** Applies a request-time fault; returns a reply to send instead, or how to distort the real one. */
async function applyFault(state: EmulatorState, path: string, req: IncomingMessage): Promise<Reply | "truncate" | null> {
  const fault = state.faults.take(path, ["5xx", "429", "hang", "malformed_json"]);
  if (!fault) return null;
  state.stats.faultsInjected++;
  if (fault.kind === "5xx") return backendError(fault.status, "Injected server error.");
  if (fault.kind === "429") return rateLimited(fault.retryAfterSeconds);
  if (fault.kind === "malformed_json") return "truncate";
  const gone = new AbortController();
  req.socket.once("close", () => gone.abort());
  await state.clock.sleep(fault.delayMs, AbortSignal.any([gone.signal, state.signal]));
  return null;
}

async function handle(router: Router, state: EmulatorState, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = new URL(req.url ?? "/", "http://emulator.local");
  const method = req.method ?? "GET";
  const match = router.match(method, url.pathname);
  state.stats.countRequest(match.key);
  let body = "";
  try {
    body = await readBody(req);
  } catch (error) {
    if (error instanceof BodyTooLargeError) return writeReply(res, googleError(413, "requestTooLarge", "Request body too large."));
    throw error;
  }
  const fault = await applyFault(state, url.pathname, req);
  if (fault !== null && fault !== "truncate") return writeReply(res, fault);
  let reply: Reply;
  if (match.kind === "found") {
    reply = await match.handler({ req, method, url, params: match.params, routeKey: match.key, state, body });
  } else if (match.kind === "method_not_allowed") {
    reply = { ...googleError(405, "methodNotAllowed", `Method ${method} is not allowed here.`) };
    reply.headers = { ...reply.headers, allow: match.allow.join(", ") };
  } else {
    reply = notFound(`No route for ${method} ${url.pathname}.`);
  }
  if (fault === "truncate") {
    const text = reply.body ?? "{}";
    reply = { ...reply, body: text.slice(0, Math.max(1, Math.floor(text.length / 2))) };
  }
  writeReply(res, reply);
}

export function createEmulatorServer(state: EmulatorState): Server {
  const router = buildRouter();
  return createServer((req, res) => {
    handle(router, state, req, res).catch((error: unknown) => {
      console.error("[emulator] unhandled error", error);
      writeReply(res, backendError());
    });
  });
}

/** Starts the emulator (port 0 picks a free port). `config` fields override the defaults; tests may pass a clock. */
export async function startEmulator(config: Partial<EmulatorConfig> = {}, options: { clock?: EmulatorClock } = {}): Promise<RunningEmulator> {
  const resolved = resolveConfig(config);
  const state = new EmulatorState(resolved, options.clock);
  const server = createEmulatorServer(state);
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(resolved.port, resolved.host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const host = resolved.host.includes(":") ? `[${resolved.host}]` : resolved.host;
  return {
    url: `http://${host}:${port}`,
    state,
    close: async () => {
      state.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}


