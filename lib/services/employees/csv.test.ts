import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatCsv, parseCsv } from "./csv";

describe("parseCsv", () => {
  it("splits CRLF and LF records and ignores a final line break", () => {
    expect(parseCsv("a,b\r\n1,2\n3,4\n")).toEqual({ ok: true, records: [["a", "b"], ["1", "2"], ["3", "4"]] });
  });

  it("drops a UTF-8 byte order mark", () => {
    expect(parseCsv("\uFEFFname,email\r\n")).toEqual({ ok: true, records: [["name", "email"]] });
  });

  it("reads quoted fields with commas, escaped quotes and line breaks", () => {
    const text = 'name,title\r\n"Doe, Jane","The ""best""\r\nmanager"\r\n';
    expect(parseCsv(text)).toEqual({
      ok: true,
      records: [
        ["name", "title"],
        ["Doe, Jane", 'The "best"\r\nmanager'],
      ],
    });
  });

  it("keeps empty fields, including a trailing one and an empty quoted one", () => {
    expect(parseCsv('a,,""\nb,\n')).toEqual({ ok: true, records: [["a", "", ""], ["b", ""]] });
  });

  it("keeps blank lines so row numbers match a spreadsheet", () => {
    expect(parseCsv("h\n\nx\n")).toEqual({ ok: true, records: [["h"], [""], ["x"]] });
  });

  it("reports an unclosed quote with the row it starts on", () => {
    expect(parseCsv('h\nok\n"never closed\n')).toEqual({ ok: false, row: 3, message: "A quoted field is never closed." });
  });

  it("reports text after a closing quote", () => {
    expect(parseCsv('h\n"a"b\n')).toEqual({ ok: false, row: 2, message: "Unexpected text after a closing quote." });
  });

  it("reads back whatever formatCsv writes", () => {
    const field = fc.string({ unit: fc.constantFrom("a", "b", ",", '"', "\r", "\n", " ", "é") });
    const records = fc.array(fc.array(field, { minLength: 2, maxLength: 4 }), { minLength: 1, maxLength: 5 });
    fc.assert(
      fc.property(records, (rows) => {
        expect(parseCsv(formatCsv(rows))).toEqual({ ok: true, records: rows });
      }),
    );
  });
});
