// The webhook route handler (app/api/webhooks/dialpad/route.ts) behind a bare node:http server, in its own
// process: `bench:webhooks --server route` uses it when no `next build` is at hand. It leaves out Next's
// request pipeline (proxy.ts, routing), which `--server next` includes.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { POST } from "@/app/api/webhooks/dialpad/route";

const server = createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on("data", (chunk: Buffer) => chunks.push(chunk));
  req.on("end", () => {
    if (req.method !== "POST") {
      res.writeHead(405);
      res.end();
      return;
    }
    const request = new Request(`http://127.0.0.1${req.url ?? "/"}`, {
      method: req.method,
      headers: req.headers as Record<string, string>,
      body: Buffer.concat(chunks),
    });
    POST(request)
      .then(async (response) => {
        res.writeHead(response.status, { "content-type": "application/json" });
        res.end(await response.text());
      })
      .catch(() => {
        res.writeHead(500);
        res.end();
      });
  });
});
server.keepAliveTimeout = 60_000;
server.listen(Number(process.env.PORT ?? 0), "127.0.0.1", () => {
  console.log(`listening on ${(server.address() as AddressInfo).port}`);
});
for (const signal of ["SIGTERM", "SIGINT"] as const) process.once(signal, () => server.close(() => process.exit(0)));
