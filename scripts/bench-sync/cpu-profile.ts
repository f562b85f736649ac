// BENCH_CPU_PROFILE=<file>: a V8 CPU profile of the sync phase only (node:inspector in this process),
// for scripts/bench-sync/long-tasks.ts to list the longest synchronous tasks.
import fs from "node:fs";
import { Session } from "node:inspector/promises";

export async function startCpuProfile(file: string | undefined): Promise<{ stop(): Promise<void> }> {
  if (!file) return { stop: async () => undefined };
  const session = new Session();
  session.connect();
  await session.post("Profiler.enable");
  await session.post("Profiler.setSamplingInterval", { interval: 250 });
  await session.post("Profiler.start");
  return {
    stop: async () => {
      const { profile } = await session.post("Profiler.stop");
      fs.writeFileSync(file, JSON.stringify(profile));
      session.disconnect();
      console.log(`CPU profile of the sync: ${file}`);
    },
  };
}
