import { describe, expect, it } from "vitest";
import { encodeCsvField, encodeCsvRow } from "./csv";
import { createCsvStream } from "./csv-stream";

describe("encodeCsvField", () => {
  it("quotes commas, quotes and line breaks as RFC 4180 asks", () => {
    expect(encodeCsvField("Costa, Blake")).toBe('"Costa, Blake"');
    expect(encodeCsvField('The "big" one')).toBe('"The ""big"" one"');
    expect(encodeCsvField("two\nlines")).toBe('"two\nlines"');
    expect(encodeCsvField("Zoë Ørsted")).toBe("Zoë Ørsted");
  });

  it("neutralises cells a spreadsheet would run as a formula with a leading apostrophe", () => {
    expect(["=1+1", "+14155550142", "-2", "@SUM(A1)", "\tx", "\rx"].map(encodeCsvField)).toEqual([
      "'=1+1", "'+14155550142", "'-2", "'@SUM(A1)", "'\tx", "\"'\rx\"",
    ]);
    expect(encodeCsvField('=HYPERLINK("http://x","y")')).toBe(`"'=HYPERLINK(""http://x"",""y"")"`);
  });

  it("writes numbers as they are (a negative number is not text) and null as an empty field", () => {
    expect([encodeCsvField(-3), encodeCsvField(25.5), encodeCsvField(null), encodeCsvField(Number.NaN)]).toEqual(["-3", "25.5", "", ""]);
  });

  it("ends each record with CRLF", () => {
    expect(encodeCsvRow(["a", 1, null, "b,c"])).toBe('a,1,,"b,c"\r\n');
  });
});

describe("createCsvStream", () => {
  it("starts with a UTF-8 byte order mark and the header, then the rows", async () => {
    async function* rows() {
      yield ["Zoë", 1];
      yield ["=cmd", 2];
    }
    const bytes = new Uint8Array(await new Response(createCsvStream(["Name", "N"], rows())).arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(new TextDecoder().decode(bytes)).toBe("Name,N\r\nZoë,1\r\n'=cmd,2\r\n");
  });

  it("pulls rows only as the reader asks: 500 rows a chunk, never the whole export at once", async () => {
    let produced = 0;
    async function* rows() {
      for (let i = 0; i < 100_000; i++) {
        produced += 1;
        yield [i];
      }
    }
    const reader = createCsvStream(["N"], rows()).getReader();
    await reader.read();
    expect(produced).toBe(500);
    await reader.read();
    expect(produced).toBe(1000);
    await reader.cancel();
  });
});
