// Two small HTTP proxies: a round-robin load balancer in front of the web instances (APP_URL, so
// Dialpad's webhooks land on either), and a Dialpad router in front of several emulators, which each
// hold at most 10 companies, for a deployment whose one DIALPAD_BASE_URL serves every organization.
import http from "node:http";
import type { AddressInfo } from "node:net";

export interface Proxy {
  url: string;
  /** Requests forwarded to each target, in the order given. */
  counts: number[];
  close(): Promise<void>;
}

async function listen(server: http.Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

function readBody(request: http.IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => resolve(Buffer.concat(chunks)));
    request.on("error", reject);
  });
}

async function forward(target: string, request: http.IncomingMessage, body: Buffer): Promise<{ status: number; headers: Headers; body: Buffer }> {
  const headers = new Headers();
  for (const [key, value] of Object.entries(request.headers)) {
    if (value === undefined || ["host", "connection", "content-length", "transfer-encoding"].includes(key)) continue;
    headers.set(key, Array.isArray(value) ? value.join(", ") : value);
  }
  const response = await fetch(`${target}${request.url ?? "/"}`, {
    method: request.method,
    headers,
    body: request.method === "GET" || request.method === "HEAD" ? undefined : new Uint8Array(body),
    redirect: "manual",
  });
  return { status: response.status, headers: response.headers, body: Buffer.from(await response.arrayBuffer()) };
}

function send(response: http.ServerResponse, answer: { status: number; headers: Headers; body: Buffer }): void {
  const headers: Record<string, string> = {};
  answer.headers.forEach((value, key) => {
    if (!["content-encoding", "content-length", "transfer-encoding", "connection"].includes(key)) headers[key] = value;
  });
  response.writeHead(answer.status, headers).end(answer.body);
}

async function serve(route: (request: http.IncomingMessage, body: Buffer) => Promise<{ status: number; headers: Headers; body: Buffer }>) {
  const server = http.createServer((request, response) => {
    readBody(request)
      .then((body) => route(request, body))
      .then((answer) => send(response, answer))
      .catch((error: unknown) => {
        response.writeHead(502, { "content-type": "text/plain" }).end(`proxy: ${error instanceof Error ? error.message : String(error)}`);
      });
  });
  server.keepAliveTimeout = 1_000;
  const url = await listen(server);
  const close = () => new Promise<void>((resolve) => { server.closeAllConnections(); server.close(() => resolve()); });
  return { url, close };
}

/** Each request goes to the next target in turn. */
export async function startLoadBalancer(targets: string[]): Promise<Proxy> {
  const counts = targets.map(() => 0);
  let next = 0;
  const { url, close } = await serve((request, body) => {
    const index = next++ % targets.length;
    counts[index]! += 1;
    return forward(targets[index]!, request, body);
  });
  return { url, counts, close };
}

export interface DialpadRouter extends Proxy {
  /** Tokens issued by emulator `index` (from its admin API) go to it. */
  learn(token: string, index: number): void;
}

/**
 * Sends each Dialpad request to the emulator that issued its token: the Bearer token, or the refresh
 * token of a token request; tokens in a token response are learnt. Anything else goes to the first.
 */
export async function startDialpadRouter(emulators: string[]): Promise<DialpadRouter> {
  const counts = emulators.map(() => 0);
  const owners = new Map<string, number>();
  const { url, close } = await serve(async (request, body) => {
    const bearer = /^Bearer (.+)$/.exec(request.headers.authorization ?? "")?.[1];
    const refresh = new URLSearchParams(body.toString("utf8")).get("refresh_token") ?? undefined;
    const index = owners.get(bearer ?? "") ?? owners.get(refresh ?? "") ?? 0;
    counts[index]! += 1;
    const answer = await forward(emulators[index]!, request, body);
    if (request.url?.startsWith("/oauth2/token") && answer.status === 200) {
      const tokens = JSON.parse(answer.body.toString("utf8")) as { access_token?: string; refresh_token?: string };
      if (tokens.access_token) owners.set(tokens.access_token, index);
      if (tokens.refresh_token) owners.set(tokens.refresh_token, index);
    }
    return answer;
  });
  return { url, counts, close, learn: (token, index) => void owners.set(token, index) };
}
