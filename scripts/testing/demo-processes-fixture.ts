import { startChild, stopChildrenOnExit } from "../demo-processes";

// Starts two children the way scripts/demo.ts does; each starts a grandchild, as `npx next start`
// starts next-server. Prints every pid on one line, then waits to be signalled.
stopChildrenOnExit();
const parentScript = `
  const { spawn } = require("node:child_process");
  const grandchild = spawn(process.execPath, ["-e", "setInterval(() => {}, 1000)"], { stdio: "ignore" });
  process.stdout.write(String(grandchild.pid) + "\\n");
  setInterval(() => {}, 1000);
`;
const children = [0, 1].map(() => startChild(process.execPath, ["-e", parentScript], { stdio: ["ignore", "pipe", "inherit"] }));
const pids: number[] = children.map((child) => child.pid!);
let pending = children.length;
for (const child of children) {
  child.stdout!.once("data", (chunk: Buffer) => {
    pids.push(Number(chunk.toString().trim()));
    pending -= 1;
    if (pending === 0) console.log(JSON.stringify({ pids }));
  });
}
setInterval(() => {}, 1000);
