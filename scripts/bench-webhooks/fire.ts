// bench:webhooks load: signed call events (a "connected" and a "hangup" per call, as Dialpad sends them),
// every 50th delivered twice as a retry would be, from concurrent keep-alive senders; then waits until the
// inbox is applied and checks what was stored.
import { createHmac } from "node:crypto";
import http from "node:http";
import os from "node:os";
import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { queryRows } from "@/db/engines/raw";
import { callEvent } from "@/lib/services/sync/testing/webhook-harness";

export interface IntakeFigures {
  events: number;
  deliveries: number;
  seconds: number;
  eventsPerSecond: number;
  p50: number;
  p99: number;
  max: number;
  refused: number;
  lost: number;
  duplicated: number;
  wrongState: number;
  catchUpSeconds: number;
  /** Server CPU per event, from the first delivery until caught up: the rate one free core would sustain. */
  serverCpuMsPerEvent: number;
  loadAverage: number;
}

const baseStart = 1_750_000_000_000;

export async function fireEvents(
  db: Db,
  organizationId: number,
  load: { url: string; secret: string; events: number; senders: number; serverCpuSeconds(): number },
): Promise<IntakeFigures> {
  const calls = Math.floor(load.events / 2);
  const bodies = buildDeliveries(calls, load.secret);
  const agent = new http.Agent({ keepAlive: true, maxSockets: load.senders });
  const latencies: number[] = [];
  let refused = 0;
  let next = 0;
  const cpuBefore = load.serverCpuSeconds();
  const started = performance.now();
  await Promise.all(
    Array.from({ length: load.senders }, async () => {
      while (next < bodies.length) {
        const body = bodies[next++]!;
        // Dialpad retries a 5xx or a failed connection; the figure counts each refusal.
        for (let attempt = 0; attempt < 4; attempt++) {
          const sent = performance.now();
          const status = await post(agent, load.url, body).catch(() => 0);
          latencies.push(performance.now() - sent);
          if (status === 200) break;
          refused++;
          await new Promise((resolve) => setTimeout(resolve, 2_000 * 2 ** attempt));
        }
      }
    }),
  );
  const lastAck = performance.now();
  agent.destroy();
  const caughtUp = await waitUntilApplied(db, organizationId, calls * 2, 180_000);
  const serverCpuMs = (load.serverCpuSeconds() - cpuBefore) * 1000;
  const stored = await countStored(db, organizationId);
  latencies.sort((a, b) => a - b);
  const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))]!;
  const seconds = (lastAck - started) / 1000;
  return {
    events: calls * 2,
    deliveries: bodies.length,
    seconds,
    eventsPerSecond: (calls * 2) / seconds,
    p50: at(0.5),
    p99: at(0.99),
    max: latencies[latencies.length - 1]!,
    refused,
    lost: calls * 2 - stored.applied,
    duplicated: Math.max(0, stored.inbox - calls * 2) + Math.max(0, stored.calls - calls),
    wrongState: calls - stored.hungUp,
    catchUpSeconds: caughtUp === null ? Number.NaN : (caughtUp - lastAck) / 1000,
    serverCpuMsPerEvent: serverCpuMs / (calls * 2),
    loadAverage: os.loadavg()[0]!,
  };
}

export function formatFigures(engine: string, f: IntakeFigures): string {
  const ms = (value: number) => `${value.toFixed(1)} ms`;
  return [
    `  ${engine}:`,
    `    accepted:      ${f.events.toLocaleString("en-US")} events (${f.deliveries.toLocaleString("en-US")} deliveries with retries) in ${f.seconds.toFixed(2)} s = ${Math.round(f.eventsPerSecond).toLocaleString("en-US")} events/s (goal ≥ 2,000)`,
    `    ack latency:   p50 ${ms(f.p50)}, p99 ${ms(f.p99)}, max ${ms(f.max)} (goal p99 < 50 ms); non-200 answers: ${f.refused}`,
    `    lost:          ${f.lost}, duplicated: ${f.duplicated}, calls not in their last state: ${f.wrongState} (goal 0, 0, 0)`,
    `    server CPU:    ${f.serverCpuMsPerEvent.toFixed(3)} ms per event, intake and processing = ${Math.round(1000 / f.serverCpuMsPerEvent).toLocaleString("en-US")} events/s per free core; 1-minute load average ${f.loadAverage.toFixed(1)} on ${os.cpus().length} cores`,
    `    caught up:     ${Number.isNaN(f.catchUpSeconds) ? "not within 180 s" : `${f.catchUpSeconds.toFixed(2)} s after the last acknowledgement`} (goal ≤ 10 s)`,
  ].join("\n");
}

/** Each call's "connected" then "hangup" events, neighbours in the queue so senders race them; every 50th sent again 100 places later. */
function buildDeliveries(calls: number, secret: string): string[] {
  const header = Buffer.from(JSON.stringify({ alg: "HS256", typ: "JWT" })).toString("base64url");
  const sign = (claims: Record<string, unknown>) => {
    const signingInput = `${header}.${Buffer.from(JSON.stringify(claims)).toString("base64url")}`;
    return `${signingInput}.${createHmac("sha256", secret).update(signingInput).digest("base64url")}`;
  };
  const events: string[] = [];
  for (let i = 0; i < calls; i++) {
    const start = baseStart + i * 1_000;
    const times = { date_started: start, date_rang: start + 300, date_connected: start + 5_000 };
    events.push(sign(callEvent(7_000_000_000 + i, "connected", start + 5_000, times)));
    events.push(sign(callEvent(7_000_000_000 + i, "hangup", start + 65_000, { ...times, date_ended: start + 65_000 })));
  }
  const deliveries = [...events];
  for (let k = events.length - 1; k >= 0; k -= 50) deliveries.splice(Math.min(deliveries.length, k + 100), 0, events[k]!);
  return deliveries;
}

function post(agent: http.Agent, url: string, body: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const request = http.request(url, { method: "POST", agent, headers: { "content-type": "application/jwt", "content-length": Buffer.byteLength(body) } }, (response) => {
      response.resume();
      response.once("end", () => resolve(response.statusCode ?? 0));
    });
    request.once("error", reject);
    request.end(body);
  });
}

/** performance.now() when every expected event is applied, or null after `timeoutMs`. */
async function waitUntilApplied(db: Db, organizationId: number, expected: number, timeoutMs: number): Promise<number | null> {
  const deadline = performance.now() + timeoutMs;
  while (performance.now() < deadline) {
    if ((await countStored(db, organizationId)).applied >= expected) return performance.now();
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return null;
}

async function countStored(db: Db, organizationId: number): Promise<{ inbox: number; applied: number; calls: number; hungUp: number }> {
  const [inbox] = await queryRows<{ total: number; applied: number }>(
    db,
    sql`select count(*) as total, count(processed_at) as applied from webhook_inbox where organization_id = ${organizationId}`,
  );
  const [calls] = await queryRows<{ total: number; hung_up: number }>(
    db,
    sql`select count(*) as total, sum(case when state = 'hangup' then 1 else 0 end) as hung_up from calls where organization_id = ${organizationId}`,
  );
  return { inbox: Number(inbox!.total), applied: Number(inbox!.applied), calls: Number(calls!.total), hungUp: Number(calls!.hung_up ?? 0) };
}
