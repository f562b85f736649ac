import { randomBytes } from "node:crypto";
import { afterEach, describe, expect, it } from "vitest";
import { resetEnvCache } from "@/lib/env";
import {
  createTokenCipher,
  getTokenCipher,
  parseKeyring,
  tokenAad,
  TokenDecryptionError,
  TokenKeyConfigError,
} from "./token-cipher";

const keyA = randomBytes(32).toString("base64");
const keyB = randomBytes(32).toString("base64");
const aad = tokenAad("dialpad_connection", 7, "access_token");
const secret = "dp-access-token-3f9c1b0e7a5d";

function cipherWith(keys: string, active: string) {
  return createTokenCipher(parseKeyring(keys, active));
}

describe("token cipher", () => {
  afterEach(() => {
    delete process.env.TOKEN_KEYS;
    delete process.env.TOKEN_KEY_ACTIVE;
    resetEnvCache();
  });

  it("round-trips and writes a v1 envelope with the active kid", () => {
    const cipher = cipherWith(`k1:${keyA}`, "k1");
    const envelope = cipher.encrypt(secret, aad);
    expect(envelope.split(".")).toHaveLength(5);
    expect(envelope.startsWith("v1.k1.")).toBe(true);
    expect(cipher.decrypt(envelope, aad)).toBe(secret);
  });

  it("never contains the plaintext, plain or base64-encoded, and uses a fresh IV each time", () => {
    const cipher = cipherWith(`k1:${keyA}`, "k1");
    const first = cipher.encrypt(secret, aad);
    const second = cipher.encrypt(secret, aad);
    for (const form of [secret, Buffer.from(secret).toString("base64url"), Buffer.from(secret).toString("base64")]) {
      expect(first).not.toContain(form);
    }
    expect(first).not.toBe(second);
    expect(first.split(".")[2]).not.toBe(second.split(".")[2]);
  });

  it("rejects the wrong key, a tampered tag or ciphertext, and the wrong AAD", () => {
    const cipher = cipherWith(`k1:${keyA}`, "k1");
    const envelope = cipher.encrypt(secret, aad);
    const impostor = cipherWith(`k1:${keyB}`, "k1");
    expect(() => impostor.decrypt(envelope, aad)).toThrow(TokenDecryptionError);

    const [v, kid, iv, ct, tag] = envelope.split(".") as [string, string, string, string, string];
    const flip = (part: string) => {
      const bytes = Buffer.from(part, "base64url");
      bytes[0] = (bytes[0] ?? 0) ^ 1;
      return bytes.toString("base64url");
    };
    expect(() => cipher.decrypt([v, kid, iv, ct, flip(tag)].join("."), aad)).toThrow(TokenDecryptionError);
    expect(() => cipher.decrypt([v, kid, iv, flip(ct), tag].join("."), aad)).toThrow(TokenDecryptionError);
    expect(() => cipher.decrypt(envelope, tokenAad("dialpad_connection", 8, "access_token"))).toThrow(
      "wrong key, tampered value, or wrong AAD",
    );
    expect(() => cipher.decrypt(envelope, tokenAad("dialpad_connection", 7, "refresh_token"))).toThrow(TokenDecryptionError);
  });

  it("rejects envelopes that are not v1 or have an unknown kid", () => {
    const cipher = cipherWith(`k1:${keyA}`, "k1");
    expect(() => cipher.decrypt(secret, aad)).toThrow("Not a v1 token envelope.");
    const envelope = cipher.encrypt(secret, aad).replace("v1.k1.", "v1.k9.");
    expect(() => cipher.decrypt(envelope, aad)).toThrow('No key with id "k9" is configured in TOKEN_KEYS.');
  });

  it("rotates: the old kid still decrypts, new writes use the new kid, needsReencryption flags old values", () => {
    const before = cipherWith(`k1:${keyA}`, "k1");
    const oldEnvelope = before.encrypt(secret, aad);
    expect(before.needsReencryption(oldEnvelope)).toBe(false);

    const after = cipherWith(`k2:${keyB},k1:${keyA}`, "k2");
    expect(after.decrypt(oldEnvelope, aad)).toBe(secret);
    expect(after.needsReencryption(oldEnvelope)).toBe(true);
    const newEnvelope = after.encrypt(secret, aad);
    expect(newEnvelope.startsWith("v1.k2.")).toBe(true);
    expect(after.needsReencryption(newEnvelope)).toBe(false);
  });

  it("explains missing or invalid keys without echoing key material", () => {
    expect(() => parseKeyring("", "k1")).toThrow("TOKEN_KEYS is not set.");
    expect(() => parseKeyring(`k1:${keyA}`, "")).toThrow("TOKEN_KEY_ACTIVE is not set.");
    expect(() => parseKeyring(`k1:${keyA}`, "k2")).toThrow('TOKEN_KEY_ACTIVE "k2" is not listed in TOKEN_KEYS.');
    expect(() => parseKeyring(`k1:${keyA},k1:${keyB}`, "k1")).toThrow('TOKEN_KEYS lists key id "k1" twice.');
    expect(() => parseKeyring(keyA, "k1")).toThrow("TOKEN_KEYS entry 1 needs the form kid:base64key");
    const short = randomBytes(16).toString("base64");
    try {
      parseKeyring(`k1:${short}`, "k1");
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(TokenKeyConfigError);
      expect((error as Error).message).toBe('TOKEN_KEYS key "k1" must be base64 of exactly 32 bytes.');
      expect((error as Error).message).not.toContain(short);
    }
  });

  it("reads the keyring from the environment and follows changes", () => {
    process.env.TOKEN_KEYS = `k1:${keyA}`;
    process.env.TOKEN_KEY_ACTIVE = "k1";
    resetEnvCache();
    const envelope = getTokenCipher().encrypt(secret, aad);
    process.env.TOKEN_KEYS = `k2:${keyB},k1:${keyA}`;
    process.env.TOKEN_KEY_ACTIVE = "k2";
    resetEnvCache();
    expect(getTokenCipher().activeKid).toBe("k2");
    expect(getTokenCipher().decrypt(envelope, aad)).toBe(secret);
  });
});
