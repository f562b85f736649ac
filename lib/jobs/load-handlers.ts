import type { JobHandlers } from "./handlers";

// Imported on first use: the handlers import the services, and the services import lib/jobs to enqueue.
// One shared promise, so concurrent first jobs never see a half-evaluated module.
let loading: Promise<JobHandlers> | undefined;

export function loadJobHandlers(): Promise<JobHandlers> {
  loading ??= import("./handlers").then((module) => module.jobHandlers);
  return loading;
}
