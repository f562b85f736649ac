"use client";

import { useSearchParams } from "next/navigation";
import { readCallTableState, writeCallTableState, type CallTableState } from "./day-calls-view";

/**
 * The calls table's filter and sort, kept in the URL with history.replaceState: Next keeps
 * useSearchParams in step without a server round trip, and a refresh or shared link shows the same view.
 */
export function useCallTableState(): [CallTableState, (next: Partial<CallTableState>) => void] {
  const searchParams = useSearchParams();
  const state = readCallTableState(new URLSearchParams(searchParams.toString()));
  const update = (next: Partial<CallTableState>) => {
    const params = writeCallTableState(new URLSearchParams(searchParams.toString()), { ...state, ...next });
    const query = params.toString();
    window.history.replaceState(null, "", `${window.location.pathname}${query ? `?${query}` : ""}`);
  };
  return [state, update];
}
