import os from "node:os";
import { performance } from "node:perf_hooks";
import { resolveConfig } from "@/emulator/config";
import { generateDay } from "@/emulator/data/call-day";
import { buildDataset } from "@/emulator/data/dataset";

// `npm run bench:emulator`: how lazily the emulator's generator serves a big company (emulator/data/
// generator.test.ts checks that the first page builds only the days it reads). Prints the time for the
// first page of a fresh 1,000-user, 30-day company next to the time to generate every one of its days in
// the same run: compare the ratio, which a busy machine moves far less than the times. Not part of `npm test`.

const users = Number(process.env.BENCH_USERS ?? 1_000);
const days = 30;
const callsPerUserDay = Number(process.env.BENCH_CALLS_PER_USER_DAY ?? 40);
const dayMs = 86_400_000;

function time<T>(run: () => T): [T, number] {
  const started = performance.now();
  const result = run();
  return [result, performance.now() - started];
}

function main(): void {
  const config = resolveConfig({ anchor: Date.parse("2025-06-18T15:30:00Z"), users, days, callsPerUserDay });
  const line = (label: string, value: string) => console.log(`  ${label.padEnd(58)} ${value}`);
  console.log(`bench:emulator: ${users.toLocaleString("en-US")} users, ${days} days, ${callsPerUserDay} calls per user-day`);
  console.log(`  (${os.cpus().length} CPUs, load average ${os.loadavg()[0]!.toFixed(1)} at start)`);

  const [data, buildMs] = time(() => buildDataset(config));
  const company = data.companies[0]!;
  const everything = { after: -1, before: Number.MAX_SAFE_INTEGER, endedBy: Number.MAX_SAFE_INTEGER, maxLiveSeq: 0 };
  const [page, firstPageMs] = time(() => data.calls.list(company, everything, 100));
  const [cachedPage, cachedPageMs] = time(() => data.calls.list(company, everything, 100));
  if (page.items.length !== 100 || cachedPage.items[0]?.callId !== page.items[0]?.callId) throw new Error("unexpected first page");

  // Every day of the window, generated one at a time and dropped (what an eager generator would build).
  const spec = { seed: config.seed, callsPerUserDay, windowStart: data.windowStart, windowEnd: data.windowEnd };
  let legs = 0;
  const [, allDaysMs] = time(() => {
    for (let day = Math.floor(data.windowStart / dayMs); day <= Math.floor(data.windowEnd / dayMs); day++) {
      legs += generateDay(company, day, spec).length;
    }
  });

  line("build the dataset (directory only, no calls)", `${buildMs.toFixed(0)} ms`);
  line("first page of 100 calls, fresh", `${firstPageMs.toFixed(0)} ms`);
  line("the same page again (days cached)", `${cachedPageMs.toFixed(1)} ms`);
  line(`generate every day of the window (${legs.toLocaleString("en-US")} legs)`, `${allDaysMs.toFixed(0)} ms`);
  line("every day ÷ first page", `${(allDaysMs / firstPageMs).toFixed(1)}×`);
}

main();
