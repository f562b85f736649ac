import fs from "node:fs";
import path from "node:path";

// Every page, API route and server action of the app, read from the filesystem (and, for action ids, from
// the production build), so a spec that walks them covers a new one without being edited.

const rootDir = path.resolve(__dirname, "../../..");
const appDir = path.join(rootDir, "app");

export type AppRoute = {
  /** The file under app/, e.g. "(app)/employees/[id]/page.tsx". */
  file: string;
  isApi: boolean;
  /** URL segments; dynamic ones kept as written ("[id]", "[...nextauth]"). */
  segments: string[];
};

/** A value for each dynamic segment that routes to a real handler. */
export const sampleSegments: Record<string, string> = {
  "[id]": "1",
  "[callId]": "1",
  "[token]": "sample-token",
  "[...nextauth]": "session",
};

export function isDynamicSegment(segment: string): boolean {
  return segment.startsWith("[");
}

export function listAppRoutes(): AppRoute[] {
  const routes = new Map<string, AppRoute>();
  for (const file of fs.readdirSync(appDir, { recursive: true, encoding: "utf8" }).sort()) {
    if (!/(^|\/)(page\.tsx|route\.ts)$/.test(file)) continue;
    const route = toRoute(file);
    // A parallel slot's intercepting route answers the same URL as the page it intercepts.
    if (route) routes.set(route.segments.join("/"), route);
  }
  return [...routes.values()];
}

function toRoute(file: string): AppRoute | null {
  const dirs = path.dirname(file).split(path.sep).filter((segment) => segment !== ".");
  if (dirs.some((segment) => segment.startsWith("@"))) return null;
  const segments = dirs.filter((segment) => !/^\(.*\)$/.test(segment));
  for (const segment of segments.filter(isDynamicSegment)) {
    if (!(segment in sampleSegments)) throw new Error(`No sample value for the route segment ${segment} in app/${file}; add one.`);
  }
  return { file, isApi: file.endsWith("route.ts"), segments };
}

/** The route's URL path, each dynamic segment filled by `fill` (the sample value by default). */
export function routePath(route: AppRoute, fill: (segment: string) => string = (segment) => sampleSegments[segment]!): string {
  return `/${route.segments.map((segment) => (isDynamicSegment(segment) ? fill(segment) : segment)).join("/")}`;
}

/** The sample URL of every page and API route. */
export function listRoutePaths(): string[] {
  return listAppRoutes()
    .map((route) => routePath(route))
    .sort();
}

export type ServerAction = {
  /** "<module>#<export>", e.g. "app/(app)/account/actions.ts#changePasswordAction". */
  name: string;
  /** The id Next expects in the Next-Action header. */
  id: string;
  /** A page whose bundle includes the action, where a POST with that header runs it. */
  pagePath: string;
};

/** The exports of every "use server" module in app/, lib/ and components/. */
export function listServerActionNames(): string[] {
  const names: string[] = [];
  for (const dir of ["app", "lib", "components"]) {
    for (const file of fs.readdirSync(path.join(rootDir, dir), { recursive: true, encoding: "utf8" })) {
      if (!/\.tsx?$/.test(file) || /\.test\.tsx?$/.test(file)) continue;
      const source = fs.readFileSync(path.join(rootDir, dir, file), "utf8");
      if (!/^\s*["']use server["'];?\s*$/m.test(source.split("\n").slice(0, 5).join("\n"))) continue;
      for (const [, exported] of source.matchAll(/^export (?:const|async function|function) (\w+)/gm)) names.push(`${dir}/${file}#${exported}`);
    }
  }
  return names.sort();
}

type ReferenceManifest = { node: Record<string, { workers: Record<string, unknown>; filename?: string; exportedName?: string }> };

/** Every server action of the production build in .next, with its id and a page that runs it. */
export function listServerActions(): ServerAction[] {
  const manifestFile = path.join(rootDir, ".next/server/server-reference-manifest.json");
  const manifest = JSON.parse(fs.readFileSync(manifestFile, "utf8")) as ReferenceManifest;
  return Object.entries(manifest.node)
    .map(([id, entry]) => {
      const worker = Object.keys(entry.workers).find((key) => key.endsWith("/page"));
      if (!entry.filename || !entry.exportedName || !worker) throw new Error(`Server action ${id} has no module or page in ${manifestFile}`);
      const route = toRoute(`${worker.replace(/^app\//, "")}.tsx`);
      if (!route) throw new Error(`Server action ${id} is only used by the parallel route ${worker}`);
      return { name: `${entry.filename}#${entry.exportedName}`, id, pagePath: routePath(route) };
    })
    .sort((a, b) => a.name.localeCompare(b.name));
}
