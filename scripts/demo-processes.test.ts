import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { waitFor } from "@/tests/wait-for";

// Not a database test, though it sits under scripts/: it runs in both projects and ignores the engine.
const fixture = path.resolve(__dirname, "testing/demo-processes-fixture.ts");
const tsx = path.resolve(__dirname, "../node_modules/.bin/tsx");

/** Running and not a zombie: killed grandchildren are re-parented to PID 1, which may not reap them. */
function isRunning(pid: number): boolean {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    return stat.slice(stat.lastIndexOf(")") + 2)[0] !== "Z";
  } catch {
    return false;
  }
}

async function startFixture(): Promise<{ demo: ReturnType<typeof spawn>; pids: number[] }> {
  const demo = spawn(tsx, [fixture], { stdio: ["ignore", "pipe", "inherit"] });
  let output = "";
  demo.stdout!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const line = await waitFor(() => output.split("\n").find((text) => text.startsWith("{")) ?? "", {
    what: "the fixture to print its children's pids",
  });
  return { demo, pids: (JSON.parse(line) as { pids: number[] }).pids };
}

describe.skipIf(process.platform !== "linux")("demo child processes", () => {
  for (const signal of ["SIGTERM", "SIGINT"] as const) {
    it(`${signal} to the demo process alone stops its children and their children`, async () => {
      const { demo, pids } = await startFixture();
      expect(pids).toHaveLength(4);
      expect(pids.filter(isRunning)).toHaveLength(4);
      const exited = new Promise((resolve) => demo.once("exit", resolve));
      process.kill(demo.pid!, signal);
      await exited;
      const left = await waitFor(() => (pids.some(isRunning) ? undefined : "none"), { what: "the children to stop" }).catch(() => pids.filter(isRunning));
      for (const pid of Array.isArray(left) ? left : []) process.kill(pid, "SIGKILL");
      expect(left).toBe("none");
    });
  }
});
