import { spawnSync } from "node:child_process";
import { chromiumInstallHint, findChromium } from "./find-chromium";

const chromium = findChromium();
if (!chromium) {
  console.error(chromiumInstallHint);
  process.exit(1);
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv = process.env): void {
  const result = spawnSync(command, args, { stdio: "inherit", env });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

run("npx", ["next", "build"]);
run("npx", ["playwright", "test", ...process.argv.slice(2)], { ...process.env, CHROMIUM_PATH: chromium });
