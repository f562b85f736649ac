"use client";

import { useSyncExternalStore } from "react";

const subscribeToNothing = () => () => {};

/** False while the server renders (and while the browser hydrates that HTML), true afterwards. */
export function useIsInBrowser(): boolean {
  return useSyncExternalStore(subscribeToNothing, () => true, () => false);
}
