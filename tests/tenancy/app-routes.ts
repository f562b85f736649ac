import fs from "node:fs";
import path from "node:path";

const appDir = path.resolve(__dirname, "../../app");

export type AppModule = { file: string; kind: "page" | "layout" | "route" | "actions" };

/**
 * Every page, layout, route handler and server-actions module under app/, read from the filesystem so a
 * route added later fails the tenancy tests until it has a case. `file` is relative to app/.
 */
export function listAppModules(): AppModule[] {
  const modules: AppModule[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/\.(ts|tsx)$/.test(entry.name) && !entry.name.includes(".test.")) {
        const kind = kindOf(entry.name, full);
        if (kind) modules.push({ file: path.relative(appDir, full), kind });
      }
    }
  };
  walk(appDir);
  return modules.sort((a, b) => a.file.localeCompare(b.file));
}

function kindOf(name: string, full: string): AppModule["kind"] | null {
  if (name === "page.tsx") return "page";
  if (name === "layout.tsx") return "layout";
  if (name === "route.ts") return "route";
  // A module-level "use server" directive: every export is a server action anyone can POST to.
  return /^\s*["']use server["']/.test(fs.readFileSync(full, "utf8")) ? "actions" : null;
}

/** Imports an app module by its path relative to app/. */
export function importAppModule<T = Record<string, unknown>>(file: string): Promise<T> {
  return import(path.join(appDir, file)) as Promise<T>;
}
