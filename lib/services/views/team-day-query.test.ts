import { describe, expect, it } from "vitest";
import { parseTeamDayQuery, selectTeamPage, type TeamListRow } from "./team-day-query";

const pad = (n: number) => String(n).padStart(3, "0");

/** 120 mapped people P001…P120 scoring (n * 7) % 101, every fifth without a score, and 5 unmapped. */
const rows: TeamListRow[] = [
  ...Array.from({ length: 120 }, (_, i): TeamListRow => ({
    employeeId: i + 1, name: `P${pad(i + 1)}`, title: i % 2 ? "Agent" : "Closer", email: `p${pad(i + 1)}@example.com`, isMapped: true,
    score: (i + 1) % 5 === 0 ? null : ((i + 1) * 7) % 101, talkMs: (i + 1) * 1000, connectedCalls: i % 3,
    voicemailsLeft: 0, voicemailsReceived: 0, missedCalls: 0,
  })),
  ...Array.from({ length: 5 }, (_, i): TeamListRow => ({
    employeeId: 200 + i, name: `U${i}`, title: null, email: `u${i}@example.com`, isMapped: false,
    score: null, talkMs: 0, connectedCalls: 0, voicemailsLeft: 0, voicemailsReceived: 0, missedCalls: 0,
  })),
];

describe("parseTeamDayQuery", () => {
  it("defaults to mapped people by score, high to low, page 1, and ignores what it cannot read", () => {
    expect(parseTeamDayQuery({})).toEqual({ q: "", show: "mapped", sort: "score", dir: "desc", page: 1 });
    expect(parseTeamDayQuery({ q: ["  ada ", "x"], show: "nope", sort: "name", page: "0" })).toEqual({
      q: "ada", show: "mapped", sort: "name", dir: "asc", page: 1,
    });
    expect(parseTeamDayQuery({ sort: "talk", dir: "asc", page: "3" })).toMatchObject({ sort: "talk", dir: "asc", page: 3 });
    expect(parseTeamDayQuery({ q: "x".repeat(101), page: "2.5" })).toMatchObject({ q: "", page: 1 });
  });
});

describe("selectTeamPage", () => {
  it("cuts 100 rows a page, sorted by score with the unscored last by name", () => {
    const first = selectTeamPage(rows, parseTeamDayQuery({}));
    expect([first.matchCount, first.pageCount, first.page, first.rows.length]).toEqual([120, 2, 1, 100]);
    expect(first.rows.slice(0, 3).map((row) => [row.name, row.score])).toEqual([["P072", 100], ["P043", 99], ["P014", 98]]);
    expect(first.rows.slice(94, 98).map((row) => [row.name, row.score])).toEqual([["P029", 1], ["P101", 0], ["P005", null], ["P010", null]]);
    const second = selectTeamPage(rows, parseTeamDayQuery({ page: "2" }));
    expect(second.rows.map((row) => row.name)).toEqual(
      Array.from({ length: 20 }, (_, i) => `P${pad(25 + i * 5)}`),
    );
  });

  it("searches name, title and email, filters the unmapped, and clamps a page past the end", () => {
    const search = selectTeamPage(rows, parseTeamDayQuery({ q: "P00", sort: "name" }));
    expect(search.rows.map((row) => row.name)).toEqual(["P001", "P002", "P003", "P004", "P005", "P006", "P007", "P008", "P009"]);
    expect(selectTeamPage(rows, parseTeamDayQuery({ q: "CLOSER" })).matchCount).toBe(60);
    expect(selectTeamPage(rows, parseTeamDayQuery({ q: "p117@example" })).rows.map((row) => row.name)).toEqual(["P117"]);
    expect(selectTeamPage(rows, parseTeamDayQuery({ show: "not-mapped" })).rows.map((row) => row.name)).toEqual(["U0", "U1", "U2", "U3", "U4"]);
    expect(selectTeamPage(rows, parseTeamDayQuery({ show: "all" })).matchCount).toBe(125);
    expect(selectTeamPage(rows, parseTeamDayQuery({ show: "with-calls", sort: "talk", dir: "asc" })).rows.slice(0, 2).map((row) => row.name)).toEqual([
      "P001", "P002",
    ]);
    const past = selectTeamPage(rows, parseTeamDayQuery({ page: "9" }));
    expect([past.page, past.rows[0]!.name]).toEqual([2, "P025"]);
  });
});
