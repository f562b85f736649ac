import { Worker } from "node:worker_threads";

// An HTTP server on its own thread that records when each request arrives. Its event loop keeps running
// while a test blocks the main thread, so arrival times show when requests really reached the server.
// Test-only; never imported by app code.

const workerSource = `
const { parentPort } = require("node:worker_threads");
const http = require("node:http");
const arrivals = [];
const server = http.createServer((req, res) => {
  arrivals.push(performance.now());
  req.resume();
  req.on("end", () => {
    res.writeHead(200, { "content-type": "application/json" });
    res.end('{"items":[]}');
  });
});
server.listen(0, "127.0.0.1", () => parentPort.postMessage({ port: server.address().port }));
parentPort.on("message", (message) => {
  if (message === "arrivals") parentPort.postMessage({ arrivals });
  if (message === "close") {
    server.closeAllConnections();
    server.close(() => parentPort.close());
  }
});
`;

export interface ArrivalServer {
  url: string;
  /** Arrival instants in ms (the server thread's clock: compare them with each other only). */
  arrivals(): Promise<number[]>;
  close(): Promise<void>;
}

export async function startArrivalServer(): Promise<ArrivalServer> {
  const worker = new Worker(workerSource, { eval: true });
  const next = <T>() => new Promise<T>((resolve) => worker.once("message", resolve));
  const { port } = await next<{ port: number }>();
  return {
    url: `http://127.0.0.1:${port}`,
    async arrivals() {
      const reply = next<{ arrivals: number[] }>();
      worker.postMessage("arrivals");
      return (await reply).arrivals;
    },
    async close() {
      const exited = new Promise((resolve) => worker.once("exit", resolve));
      worker.postMessage("close");
      await exited;
    },
  };
}
