/**
 * What a page, action or route handler did, as one comparable string: "404", "403", "redirect:/login",
 * "ok", "refused: <message>", "status:<n>", or "rendered". Anything else thrown is a real failure.
 */
export async function outcomeOf(run: () => Promise<unknown>): Promise<string> {
  try {
    const result = await run();
    if (result instanceof Response) return `status:${result.status}`;
    if (result && typeof result === "object" && "ok" in result) {
      const { ok, error } = result as { ok: boolean; error?: string };
      return ok ? "ok" : `refused: ${error}`;
    }
    return "rendered";
  } catch (error) {
    const digest = (error as { digest?: unknown }).digest;
    if (typeof digest !== "string") throw error;
    if (digest === "NEXT_HTTP_ERROR_FALLBACK;404") return "404";
    if (digest === "NEXT_HTTP_ERROR_FALLBACK;403") return "403";
    if (digest.startsWith("NEXT_REDIRECT;")) return `redirect:${digest.split(";")[2]}`;
    throw error;
  }
}

/** Every string inside a rendered element tree (props of client components included), for leak checks. */
export function collectText(value: unknown, out: string[] = [], seen = new Set<unknown>()): string[] {
  if (typeof value === "string") out.push(value);
  else if (typeof value === "number") out.push(String(value));
  else if (value && typeof value === "object" && !seen.has(value)) {
    seen.add(value);
    for (const [key, child] of Object.entries(value)) if (!key.startsWith("_")) collectText(child, out, seen);
  }
  return out;
}
