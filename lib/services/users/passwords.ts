import { hash, verify } from "@node-rs/argon2";

// @node-rs/argon2 exposes Algorithm as a const enum, which isolatedModules cannot import; 2 = Argon2id.
const argon2id = 2;

export async function hashPassword(password: string): Promise<string> {
  return hash(password, { algorithm: argon2id });
}

// Verified when no user matches, so an unknown email costs the same time as a wrong password.
let decoyHash: Promise<string> | undefined;

export async function verifyPassword(passwordHash: string | null, password: string): Promise<boolean> {
  if (passwordHash === null) {
    decoyHash ??= hashPassword("daymark-decoy-password");
    await verify(await decoyHash, password);
    return false;
  }
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}
