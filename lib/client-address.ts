// The client address sign-in throttling keys on. Next 16's App Router exposes no socket address, and
// fills x-forwarded-for from the socket only when the client sent none, so a client can pick its own;
// instrumentation.ts (recordSocketAddresses) therefore stamps the socket address into a header of ours,
// overwriting whatever the client sent under that name.
export const socketAddressHeader = "x-daymark-socket-address";

/** Requests with no address we can trust (no socket header, fewer forwarded entries than proxies) share this one. */
export const unknownClientAddress = "unknown";

/**
 * TRUSTED_PROXY_HOPS = 0 (the default): the socket address. N > 0: the Nth x-forwarded-for entry from the
 * right, the address the outermost of N trusted proxies (each appending what it saw) received from.
 */
export function getClientAddress(headers: Record<string, unknown> | undefined, trustedProxyHops: number): string {
  if (trustedProxyHops === 0) return readHeader(headers, socketAddressHeader) ?? unknownClientAddress;
  const forwarded = (readHeader(headers, "x-forwarded-for") ?? "")
    .split(",")
    .map((entry) => entry.trim())
    .filter((entry) => entry !== "");
  return forwarded[forwarded.length - trustedProxyHops] ?? unknownClientAddress;
}

function readHeader(headers: Record<string, unknown> | undefined, name: string): string | undefined {
  const value = headers?.[name];
  if (Array.isArray(value)) return typeof value[0] === "string" && value[0] !== "" ? value[0] : undefined;
  return typeof value === "string" && value !== "" ? value.slice(0, 100) : undefined;
}
