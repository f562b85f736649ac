import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

const devSecretFile = path.resolve("data/dev-secret");
let cached: string | undefined;

/**
 * Outside production without NEXTAUTH_SECRET: a random secret made once per install and kept in
 * data/dev-secret (mode 0600), so nobody can forge a session on someone else's dev server.
 */
export function getDevSecret(file = devSecretFile): string {
  if (cached !== undefined && file === devSecretFile) return cached;
  fs.mkdirSync(path.dirname(file), { recursive: true });
  try {
    // "wx": only one of several processes starting at once creates it; the others read it below.
    fs.writeFileSync(file, randomBytes(32).toString("base64url"), { mode: 0o600, flag: "wx" });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
  }
  const secret = fs.readFileSync(file, "utf8").trim();
  if (secret.length < 16) throw new Error(`${file} holds no usable secret; delete it to make a new one.`);
  if (file === devSecretFile) cached = secret;
  return secret;
}
