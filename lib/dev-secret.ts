import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

const devSecretFile = path.resolve("data/dev-secret");
// The turbopackIgnore comments below: the file is read at run time only, so `next build` must not trace the project for it.
let cached: string | undefined;

/**
 * Outside production without NEXTAUTH_SECRET: a random secret made once per install and kept in
 * data/dev-secret (mode 0600), so nobody can forge a session on someone else's dev server.
 */
export function getDevSecret(file = devSecretFile): string {
  if (cached !== undefined && file === devSecretFile) return cached;
  fs.mkdirSync(/* turbopackIgnore: true */ path.dirname(file), { recursive: true });
  if (!fs.existsSync(/* turbopackIgnore: true */ file)) {
    // Written whole under another name, then linked into place: of several processes starting at once
    // one link wins (the others get EEXIST), and nobody ever reads a half-written file.
    const draft = `${file}.${process.pid}.tmp`;
    fs.writeFileSync(/* turbopackIgnore: true */ draft, randomBytes(32).toString("base64url"), { mode: 0o600 });
    try {
      fs.linkSync(/* turbopackIgnore: true */ draft, file);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    } finally {
      fs.rmSync(/* turbopackIgnore: true */ draft, { force: true });
    }
  }
  const secret = fs.readFileSync(/* turbopackIgnore: true */ file, "utf8").trim();
  if (secret.length < 16) throw new Error(`${file} holds no usable secret; delete it to make a new one.`);
  if (file === devSecretFile) cached = secret;
  return secret;
}
