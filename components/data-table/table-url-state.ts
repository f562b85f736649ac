"use client";

import type { SortingState } from "@tanstack/react-table";
import { useCallback } from "react";

export type TableUrlState = { q: string; sort: string | null; dir: "asc" | "desc" };

export function toSorting(state: TableUrlState): SortingState {
  return state.sort ? [{ id: state.sort, desc: state.dir === "desc" }] : [];
}

/**
 * Writes search and sort into the URL without a server round trip, so a filtered, sorted table
 * can be linked and survives a refresh (Next keeps useSearchParams in sync with history.replaceState).
 */
export function useTableUrlWriter(): (state: TableUrlState) => void {
  return useCallback((state: TableUrlState) => {
    const params = new URLSearchParams(window.location.search);
    setOrDelete(params, "q", state.q.trim());
    setOrDelete(params, "sort", state.sort ?? "");
    setOrDelete(params, "dir", state.sort && state.dir === "desc" ? "desc" : "");
    const query = params.toString();
    window.history.replaceState(null, "", query ? `?${query}` : window.location.pathname);
  }, []);
}

function setOrDelete(params: URLSearchParams, key: string, value: string) {
  if (value) params.set(key, value);
  else params.delete(key);
}
