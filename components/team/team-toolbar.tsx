"use client";

import Form from "next/form";
import { useRef } from "react";
import type { TeamDayQuery, TeamShow } from "@/lib/services/views/team-day-query";

const showLabels: Record<TeamShow, string> = {
  mapped: "Everyone on Dialpad",
  "with-calls": "With calls",
  "no-calls": "Without calls",
  "not-mapped": "Not mapped to Dialpad",
  all: "Everyone",
};

type TeamToolbarProps = { dayKey: string; query: TeamDayQuery; summary: string };

/** Search and filter as a GET form: the server searches everyone and the URL keeps the state. */
export function TeamToolbar({ dayKey, query, summary }: TeamToolbarProps) {
  const form = useRef<HTMLFormElement>(null);
  return (
    <Form action="/team" ref={form} className="table-toolbar" aria-label="Search and filter people">
      <input type="hidden" name="date" value={dayKey} />
      <input type="hidden" name="sort" value={query.sort} />
      <input type="hidden" name="dir" value={query.dir} />
      <div className="field">
        <label htmlFor="team-search">Search people</label>
        <input id="team-search" name="q" type="search" defaultValue={query.q} maxLength={100} placeholder="Name, title or email…" />
      </div>
      <div className="field">
        <label htmlFor="team-show">Show</label>
        <select id="team-show" name="show" defaultValue={query.show} onChange={() => form.current?.requestSubmit()}>
          {Object.entries(showLabels).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" className="button button--secondary">
        Search
      </button>
      <p className="muted" aria-live="polite">
        {summary}
      </p>
    </Form>
  );
}
