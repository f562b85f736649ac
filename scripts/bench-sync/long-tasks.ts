// `npx tsx scripts/bench-sync/long-tasks.ts <file.cpuprofile> [count]`: the longest synchronous tasks in a
// CPU profile (runs of samples between idle ones), each with its duration and the heaviest frames in it.
import fs from "node:fs";

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const [file, countArg] = process.argv.slice(2);
if (!file) throw new Error("usage: long-tasks.ts <file.cpuprofile> [count]");
const profile = JSON.parse(fs.readFileSync(file, "utf8")) as Profile;
const byId = new Map(profile.nodes.map((node) => [node.id, node]));
const parent = new Map<number, number>();
for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);

const label = (node: ProfileNode) => {
  const { functionName, url, lineNumber } = node.callFrame;
  const where = url ? `${url.replace(/^.*\/(node_modules|main)\//, "")}:${lineNumber + 1}` : "";
  return `${functionName || "(anonymous)"} ${where}`.trim();
};
// The task's character: the deepest project frame on the stack (else the leaf), e.g. parseItems or upsertCallRowsSqlite.
const describe = (id: number) => {
  const leaf = byId.get(id)!;
  if (leaf.callFrame.functionName.startsWith("(")) return leaf.callFrame.functionName;
  for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
    const node = byId.get(at)!;
    if (node.callFrame.url.includes("/main/") && !node.callFrame.url.includes("node_modules")) return label(node);
  }
  return label(leaf);
};

// A task ends at an idle sample or where the stack's bottom frame changes (another callback from the loop);
// GC samples belong to the task they interrupt. Wall time counts every gap between samples; CPU time caps
// each gap at 1 ms, since on a loaded machine a long gap is this process waiting for a core.
const idle = new Set(["(idle)", "(program)"]);
const rootOf = (id: number) => {
  let at = id;
  while (parent.get(at) !== undefined && parent.get(parent.get(at)!) !== undefined) at = parent.get(at)!;
  return at;
};
interface Task { wallMs: number; cpuMs: number; root: number; frames: Map<string, number> }
const tasks: Task[] = [];
let current: Task | null = null;
for (let i = 0; i < profile.samples.length; i++) {
  const node = byId.get(profile.samples[i]!)!;
  const wallMs = (profile.timeDeltas[i + 1] ?? 0) / 1000;
  const name = node.callFrame.functionName;
  if (idle.has(name)) {
    current = null;
    continue;
  }
  const root: number = name === "(garbage collector)" && current ? current.root : rootOf(node.id);
  if (!current || current.root !== root) tasks.push((current = { wallMs: 0, cpuMs: 0, root, frames: new Map() }));
  current.wallMs += wallMs;
  current.cpuMs += Math.min(wallMs, 1);
  const frame = describe(node.id);
  current.frames.set(frame, (current.frames.get(frame) ?? 0) + Math.min(wallMs, 1));
}

const cpu = tasks.reduce((sum, task) => sum + task.cpuMs, 0);
const over = (ms: number) => tasks.filter((task) => task.cpuMs > ms).length;
console.log(`${tasks.length} tasks, ${(cpu / 1000).toFixed(1)} s CPU on the thread; CPU over 50 ms: ${over(50)}, over 20 ms: ${over(20)}, over 10 ms: ${over(10)}, over 5 ms: ${over(5)}`);
const gc = tasks.reduce((sum, task) => sum + (task.frames.get("(garbage collector)") ?? 0), 0);
console.log(`GC: ${(gc / 1000).toFixed(1)} s CPU`);
for (const task of [...tasks].sort((a, b) => b.cpuMs - a.cpuMs).slice(0, Number(countArg ?? 15))) {
  const top = [...task.frames].sort((a, b) => b[1] - a[1]).slice(0, 3).map(([frame, ms]) => `${frame} ${ms.toFixed(1)}`);
  console.log(`${task.cpuMs.toFixed(1).padStart(6)} ms CPU ${task.wallMs.toFixed(0).padStart(5)} ms wall  ${label(byId.get(task.root)!)} → ${top.join(" | ")}`);
}
