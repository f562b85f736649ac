/** Only same-site paths: "/team" yes, "//evil.example" or "https://evil.example" no. */
export function safeCallbackPath(value: unknown, fallback = "/team"): string {
  if (typeof value !== "string" || !value.startsWith("/") || value.startsWith("//") || value.includes("\\")) {
    return fallback;
  }
  return value;
}
