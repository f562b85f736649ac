// Injected failures for resilience tests. A fault matches requests whose path starts with `pathPrefix`
// (never /__admin) and fires `times` times, oldest fault first.
import { z } from "zod";

export const faultKinds = ["5xx", "429", "hang", "expire_tokens", "invalid_grant", "malformed_json"] as const;
export type FaultKind = (typeof faultKinds)[number];

export const faultSpecSchema = z
  .object({
    kind: z.enum(faultKinds),
    pathPrefix: z.string().startsWith("/").optional(),
    times: z.number().int().min(1).max(1_000_000).default(1),
    status: z.number().int().min(500).max(599).default(500),
    retryAfterSeconds: z.number().int().min(0).max(86_400).default(1),
    delayMs: z.number().int().min(0).max(600_000).default(30_000),
  })
  .strict();

export type FaultSpec = z.infer<typeof faultSpecSchema>;

export interface Fault extends Omit<FaultSpec, "pathPrefix" | "times"> {
  id: number;
  pathPrefix: string;
  remaining: number;
}

/** Request-time faults; expire_tokens is applied immediately by the admin route and never stored. */
export type StoredFaultKind = Exclude<FaultKind, "expire_tokens">;

export class Faults {
  private faults: Fault[] = [];
  private nextId = 1;

  add(spec: FaultSpec): Fault {
    const defaultPrefix = spec.kind === "invalid_grant" ? "/oauth2/token" : "/";
    const fault: Fault = {
      id: this.nextId++,
      kind: spec.kind,
      pathPrefix: spec.pathPrefix ?? defaultPrefix,
      remaining: spec.times,
      status: spec.status,
      retryAfterSeconds: spec.retryAfterSeconds,
      delayMs: spec.delayMs,
    };
    this.faults.push(fault);
    return fault;
  }

  clear(): void {
    this.faults = [];
  }

  list(): Fault[] {
    return this.faults.map((f) => ({ ...f }));
  }

  /** Consumes and returns the first matching fault of one of `kinds`, if any. */
  take(path: string, kinds: readonly StoredFaultKind[]): Fault | undefined {
    if (path.startsWith("/__admin")) return undefined;
    const fault = this.faults.find((f) => kinds.includes(f.kind as StoredFaultKind) && path.startsWith(f.pathPrefix));
    if (!fault) return undefined;
    fault.remaining--;
    if (fault.remaining <= 0) this.faults = this.faults.filter((f) => f !== fault);
    return { ...fault };
  }
}
