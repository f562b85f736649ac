// Opaque, tamper-evident pagination cursors: base64url(JSON) + "." + HMAC.
import { createHmac, timingSafeEqual } from "node:crypto";

function sign(key: Buffer, data: string): string {
  return createHmac("sha256", key).update(data).digest("base64url").slice(0, 22);
}

export function encodeCursor(key: Buffer, value: unknown): string {
  const data = Buffer.from(JSON.stringify(value)).toString("base64url");
  return `${data}.${sign(key, data)}`;
}

/** The decoded value, or undefined when the cursor is malformed or was not issued by this emulator. */
export function decodeCursor(key: Buffer, cursor: string): unknown {
  const [data, mac, extra] = cursor.split(".");
  if (!data || !mac || extra !== undefined) return undefined;
  const expected = Buffer.from(sign(key, data));
  const actual = Buffer.from(mac);
  if (expected.length !== actual.length || !timingSafeEqual(expected, actual)) return undefined;
  try {
    return JSON.parse(Buffer.from(data, "base64url").toString("utf8"));
  } catch {
    return undefined;
  }
}
