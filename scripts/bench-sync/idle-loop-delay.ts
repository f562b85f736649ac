// The machine's noise floor for event-loop delay: an idle process measures its own loop while the sync
// runs, so a busy machine (others' work, the emulator) is not mistaken for the sync's own stalls.
import { spawn } from "node:child_process";

const source = `
const { monitorEventLoopDelay } = require("node:perf_hooks");
const h = monitorEventLoopDelay({ resolution: 5 });
h.enable();
process.stdin.resume();
process.stdin.on("end", () => {
  h.disable();
  process.stdout.write(JSON.stringify({ p99: h.percentile(99) / 1e6, max: h.max / 1e6 }));
  process.exit(0);
});
`;

export interface LoopDelay {
  p99: number;
  max: number;
}

/** Starts the idle process; `stop` resolves with its delays (ms). */
export function startIdleLoopDelay(): { stop(): Promise<LoopDelay> } {
  const child = spawn(process.execPath, ["-e", source], { stdio: ["pipe", "pipe", "inherit"] });
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  return {
    stop: async () => {
      child.stdin.end();
      await exited;
      return JSON.parse(output) as LoopDelay;
    },
  };
}
