import { describe, expect, it } from "vitest";
import { idSchema } from "./id-schema";

describe("idSchema", () => {
  it.each([
    ["8", 8],
    ["1", 1],
    ["9007199254740991", 9007199254740991],
  ])("accepts the canonical id %s", (raw, id) => {
    expect(idSchema().parse(raw)).toBe(id);
  });

  it.each(["0x8", "8e0", "8.0", "08", "+8", "-8", "0", " 8", "8 ", "", "٨", "9007199254740992", "12345678901234567"])(
    "rejects %j",
    (raw) => {
      expect(idSchema().safeParse(raw).success).toBe(false);
    },
  );

  it("rejects numbers and arrays, which no URL or form field carries", () => {
    expect(idSchema().safeParse(8).success).toBe(false);
    expect(idSchema().safeParse(["8"]).success).toBe(false);
  });

  it("reports the caller's message", () => {
    expect(idSchema("Choose a manager from the list.").safeParse("0x8").error?.issues[0]?.message).toBe("Choose a manager from the list.");
  });
});
