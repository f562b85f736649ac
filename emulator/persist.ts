// EMULATOR_STATE_FILE: grants, tokens, webhooks and subscriptions survive a restart (the demo uses it),
// so an app connected before the restart keeps working. Generated users and calls come from the seed.
import fs from "node:fs";
import path from "node:path";
import type { OAuthSnapshot } from "./oauth/store";
import type { EmulatorState } from "./state";
import type { HookSnapshot } from "./webhooks/store";

interface StateSnapshot {
  version: 1;
  oauth: OAuthSnapshot;
  hooks: HookSnapshot;
}

const saveEveryMs = 1_000;

/** Loads the file into `state` when it exists; returns whether it did. */
export function loadStateFile(state: EmulatorState, file: string): boolean {
  if (!fs.existsSync(file)) return false;
  const snapshot = JSON.parse(fs.readFileSync(file, "utf8")) as StateSnapshot;
  if (snapshot.version !== 1) return false;
  state.oauth.restore(snapshot.oauth);
  state.hooks.restore(snapshot.hooks);
  return true;
}

export function saveStateFile(state: EmulatorState, file: string): void {
  const snapshot: StateSnapshot = { version: 1, oauth: state.oauth.toSnapshot(), hooks: state.hooks.toSnapshot() };
  const text = JSON.stringify(snapshot);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  // Written aside then renamed, so a kill mid-write never leaves half a file.
  fs.writeFileSync(`${file}.tmp`, text, { mode: 0o600 });
  fs.renameSync(`${file}.tmp`, file);
}

/** Saves whenever the state changed, checked every second; returns a stop function that saves once more. */
export function keepStateFile(state: EmulatorState, file: string): () => void {
  let last = "";
  const saveIfChanged = () => {
    const text = JSON.stringify([state.oauth.toSnapshot(), state.hooks.toSnapshot()]);
    if (text === last) return;
    last = text;
    saveStateFile(state, file);
  };
  const timer = setInterval(saveIfChanged, saveEveryMs);
  timer.unref();
  return () => {
    clearInterval(timer);
    saveIfChanged();
  };
}
