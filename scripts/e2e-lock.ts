// One end-to-end run at a time on this machine: the suite's servers use fixed ports and `next build`
// writes .next/. A second run waits for the first (a lock directory naming its owner's pid; a dead
// owner's lock is taken over).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Not "….lock": helpers wrap the run in `flock /tmp/daymark-e2e-<port>.lock`, whose file would block mkdir forever. */
export function e2eLockDir(port: number): string {
  return path.join(os.tmpdir(), `daymark-e2e-${port}.run`);
}

export async function acquireE2eLock(port: number): Promise<() => void> {
  const dir = e2eLockDir(port);
  const ownerFile = path.join(dir, "pid");
  let announced = false;
  for (;;) {
    try {
      fs.mkdirSync(dir);
      fs.writeFileSync(ownerFile, String(process.pid));
      const release = () => fs.rmSync(dir, { recursive: true, force: true });
      process.once("exit", release);
      return release;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const owner = Number(fs.existsSync(ownerFile) ? fs.readFileSync(ownerFile, "utf8") : NaN);
      if (Number.isInteger(owner) && !isAlive(owner)) {
        fs.rmSync(dir, { recursive: true, force: true });
        continue;
      }
      if (!announced) console.log(`Another end-to-end run (pid ${owner || "?"}) is using port ${port}; waiting for it to finish…`);
      announced = true;
      await new Promise((resolve) => setTimeout(resolve, 2_000));
    }
  }
}
