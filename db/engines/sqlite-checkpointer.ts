// WAL checkpoints off the event loop. SQLite's automatic checkpoint runs inside the commit that crosses
// 1,000 WAL pages, on the committing thread: it copies the pages into the database file and fsyncs both,
// which stalled the event loop for 80-290 ms during a backfill. Once a handle writes in bulk (a sync, the
// webhook inbox), its automatic checkpoints are turned off and a worker thread with its own connection
// runs PASSIVE checkpoints instead: they never wait for or block the writer, and copy what readers allow.
import { Worker } from "node:worker_threads";
import type { Db } from "../client";
import { getSqliteHandle } from "./sqlite";

const intervalMs = 250;

// Evaluated in the worker; `require` resolves from the working directory, as the app's own does.
const workerSource = `
const { parentPort, workerData } = require("node:worker_threads");
const Database = require("better-sqlite3");
const db = new Database(workerData.file, { fileMustExist: true });
const checkpoint = () => { try { db.pragma("wal_checkpoint(PASSIVE)"); } catch {} };
const timer = setInterval(checkpoint, workerData.intervalMs);
parentPort.on("message", (message) => {
  if (message === "checkpoint") return checkpoint();
  clearInterval(timer);
  db.close();
  parentPort.close();
});
`;

interface Checkpointer {
  worker: Worker;
  stopped: Promise<void>;
}

// On the better-sqlite3 connection, like the handle itself (db/engines/sqlite.ts says why).
const checkpointerKey = Symbol.for("daymark.db.sqliteCheckpointer");
type WithCheckpointer = { [checkpointerKey]?: Checkpointer | null };

/** Asks for a PASSIVE checkpoint soon; the first call for a file database starts its checkpointer. */
export function requestWalCheckpoint(db: Db): void {
  if (db.$engine !== "sqlite") return;
  const connection = getSqliteHandle(db) as unknown as WithCheckpointer & ReturnType<typeof getSqliteHandle>;
  let checkpointer = connection[checkpointerKey];
  if (checkpointer === undefined) checkpointer = connection[checkpointerKey] = startCheckpointer(connection);
  checkpointer?.worker.postMessage("checkpoint");
}

function startCheckpointer(connection: ReturnType<typeof getSqliteHandle>): Checkpointer | null {
  if (connection.memory || !connection.open) return null;
  try {
    const worker = new Worker(workerSource, { eval: true, workerData: { file: connection.name, intervalMs } });
    // A checkpointer that cannot run leaves SQLite's own checkpoints on: slower, never unbounded.
    worker.once("error", () => connection.open && connection.pragma("wal_autocheckpoint = 1000"));
    worker.unref();
    connection.pragma("wal_autocheckpoint = 0");
    const stopped = new Promise<void>((resolve) => worker.once("exit", () => resolve()));
    return { worker, stopped };
  } catch {
    return null;
  }
}

/** Stops the handle's checkpointer (before the connection closes, so the last close checkpoints the WAL). */
export function stopWalCheckpointer(connection: ReturnType<typeof getSqliteHandle>): Promise<void> {
  const checkpointer = (connection as unknown as WithCheckpointer)[checkpointerKey];
  if (!checkpointer) return Promise.resolve();
  (connection as unknown as WithCheckpointer)[checkpointerKey] = null;
  checkpointer.worker.postMessage("close");
  return checkpointer.stopped;
}
