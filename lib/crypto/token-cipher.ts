import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import { getEnv } from "@/lib/env";

// Envelope: v1.<kid>.<iv>.<ciphertext>.<tag>, all base64url. AES-256-GCM, random 96-bit IV per value.
// The kid says which key decrypts; the AAD binds the value to its row and column so ciphertexts
// cannot be swapped between rows. Messages never contain key material or plaintext.

const version = "v1";
const ivBytes = 12;
const tagBytes = 16;
const kidPattern = /^[A-Za-z0-9_-]{1,32}$/;
const base64Pattern = /^[A-Za-z0-9+/_-]+={0,2}$/;

export interface Keyring {
  activeKid: string;
  keys: ReadonlyMap<string, Buffer>;
}

export interface TokenCipher {
  readonly activeKid: string;
  encrypt(plaintext: string, aad: string): string;
  decrypt(envelope: string, aad: string): string;
  /** True when the value was sealed with a key other than the active one (rotate it on next write). */
  needsReencryption(envelope: string): boolean;
}

export class TokenKeyConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "TokenKeyConfigError";
  }
}

export class TokenDecryptionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "TokenDecryptionError";
  }
}

/** Parses TOKEN_KEYS ("kid:base64(32 bytes),kid2:…") and TOKEN_KEY_ACTIVE. */
export function parseKeyring(tokenKeys: string, activeKid: string): Keyring {
  const entries = tokenKeys.split(",").map((part) => part.trim()).filter(Boolean);
  if (entries.length === 0) throw new TokenKeyConfigError("TOKEN_KEYS is not set.");
  const keys = new Map<string, Buffer>();
  entries.forEach((entry, index) => {
    const separator = entry.indexOf(":");
    const kid = separator > 0 ? entry.slice(0, separator) : "";
    const encoded = separator > 0 ? entry.slice(separator + 1).trim() : "";
    if (!kidPattern.test(kid)) {
      throw new TokenKeyConfigError(`TOKEN_KEYS entry ${index + 1} needs the form kid:base64key (kid: letters, digits, _ or -).`);
    }
    if (keys.has(kid)) throw new TokenKeyConfigError(`TOKEN_KEYS lists key id "${kid}" twice.`);
    const key = base64Pattern.test(encoded) ? Buffer.from(encoded, "base64") : Buffer.alloc(0);
    if (key.length !== 32) {
      throw new TokenKeyConfigError(`TOKEN_KEYS key "${kid}" must be base64 of exactly 32 bytes.`);
    }
    keys.set(kid, key);
  });
  if (!activeKid) throw new TokenKeyConfigError("TOKEN_KEY_ACTIVE is not set.");
  if (!keys.has(activeKid)) throw new TokenKeyConfigError(`TOKEN_KEY_ACTIVE "${activeKid}" is not listed in TOKEN_KEYS.`);
  return { activeKid, keys };
}

export function createTokenCipher(keyring: Keyring): TokenCipher {
  const activeKey = keyring.keys.get(keyring.activeKid);
  if (!activeKey) throw new TokenKeyConfigError(`TOKEN_KEY_ACTIVE "${keyring.activeKid}" is not listed in TOKEN_KEYS.`);

  return {
    activeKid: keyring.activeKid,
    encrypt(plaintext, aad) {
      assertAad(aad);
      const iv = randomBytes(ivBytes);
      const cipher = createCipheriv("aes-256-gcm", activeKey, iv);
      cipher.setAAD(Buffer.from(aad, "utf8"));
      const ciphertext = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
      const parts = [iv, ciphertext, cipher.getAuthTag()].map((part) => part.toString("base64url"));
      return [version, keyring.activeKid, ...parts].join(".");
    },
    decrypt(envelope, aad) {
      assertAad(aad);
      const { kid, iv, ciphertext, tag } = splitEnvelope(envelope);
      const key = keyring.keys.get(kid);
      if (!key) throw new TokenDecryptionError(`No key with id "${kid}" is configured in TOKEN_KEYS.`);
      try {
        const decipher = createDecipheriv("aes-256-gcm", key, iv);
        decipher.setAAD(Buffer.from(aad, "utf8"));
        decipher.setAuthTag(tag);
        return Buffer.concat([decipher.update(ciphertext), decipher.final()]).toString("utf8");
      } catch {
        throw new TokenDecryptionError("Could not decrypt the token: wrong key, tampered value, or wrong AAD.");
      }
    },
    needsReencryption(envelope) {
      return splitEnvelope(envelope).kid !== keyring.activeKid;
    },
  };
}

let cached: { source: string; cipher: TokenCipher } | undefined;

/** The cipher for TOKEN_KEYS / TOKEN_KEY_ACTIVE from the environment (re-parsed when they change). */
export function getTokenCipher(): TokenCipher {
  const { TOKEN_KEYS, TOKEN_KEY_ACTIVE } = getEnv();
  const source = `${TOKEN_KEY_ACTIVE}\n${TOKEN_KEYS}`;
  if (cached?.source !== source) {
    cached = { source, cipher: createTokenCipher(parseKeyring(TOKEN_KEYS, TOKEN_KEY_ACTIVE)) };
  }
  return cached.cipher;
}

/** The AAD convention for sealed columns: `dialpad_connection:<id>:access_token`. */
export function tokenAad(table: string, rowId: string | number, column: string): string {
  return `${table}:${rowId}:${column}`;
}

function assertAad(aad: string): void {
  if (typeof aad !== "string" || aad.length === 0) throw new TypeError("Token AAD must be a non-empty string.");
}

function splitEnvelope(envelope: string) {
  const parts = typeof envelope === "string" ? envelope.split(".") : [];
  const [prefix, kid, iv, ciphertext, tag] = parts;
  if (parts.length !== 5 || prefix !== version || !kid || !kidPattern.test(kid) || iv === undefined || ciphertext === undefined || !tag) {
    throw new TokenDecryptionError("Not a v1 token envelope.");
  }
  const decoded = { kid, iv: Buffer.from(iv, "base64url"), ciphertext: Buffer.from(ciphertext, "base64url"), tag: Buffer.from(tag, "base64url") };
  if (decoded.iv.length !== ivBytes || decoded.tag.length !== tagBytes) {
    throw new TokenDecryptionError("Token envelope has a bad IV or tag length.");
  }
  return decoded;
}
