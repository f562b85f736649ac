import { describe, expect, it } from "vitest";
import { parseJsonExact, quoteUnsafeIntegers } from "./exact-json";

describe("parseJsonExact", () => {
  it("reads integers beyond 2^53 as their exact digits and leaves everything else as JSON.parse does", () => {
    const text = '{"call_id":18014398509481985,"ids":[9007199254740993, -9007199254740993],"safe":9007199254740991,"t":1787158716092,"d":12.5,"e":1e21}';
    expect(parseJsonExact(text)).toEqual({
      call_id: "18014398509481985", ids: ["9007199254740993", "-9007199254740993"], safe: 9007199254740991, t: 1787158716092, d: 12.5, e: 1e21,
    });
  });

  it("never touches digits inside strings, escaped quotes included", () => {
    const text = '{"a":"x\\": 18014398509481985","b":"18014398509481985","c":[ 18014398509481985 ]}';
    expect(parseJsonExact(text)).toEqual({ a: 'x": 18014398509481985', b: "18014398509481985", c: ["18014398509481985"] });
  });

  it("returns the very same text when there is nothing to quote", () => {
    const text = '{"call_id":"18014398509481985","n":[1,2,3]}';
    expect(quoteUnsafeIntegers(text)).toBe(text);
    expect(parseJsonExact(text)).toEqual(JSON.parse(text));
  });

  it("still rejects invalid JSON", () => {
    expect(() => parseJsonExact('{"call_id":18014398509481985')).toThrow(SyntaxError);
  });
});

describe("quoteUnsafeIntegers", () => {
  it("quotes only integer literals of 16 digits or more that are not safe, next to escapes and in any position", () => {
    const text = '{"a":"\\\\","b":9007199254740993,"c":"\\"9007199254740993","d":[-18014398509481985,1.8014398509481985e16,9007199254740991]}';
    expect(quoteUnsafeIntegers(text)).toBe(
      '{"a":"\\\\","b":"9007199254740993","c":"\\"9007199254740993","d":["-18014398509481985",1.8014398509481985e16,9007199254740991]}',
    );
  });
});
