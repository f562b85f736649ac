/**
 * next-auth v4 parses a POST's JSON body itself (`await req.json()`) and answers one that is no JSON
 * with a 500; one that is no object it reads fields from. Checked on a copy, so next-auth still reads it.
 */
export async function isReadableAuthBody(request: Request): Promise<boolean> {
  if (request.method !== "POST" || !request.headers.get("content-type")?.includes("application/json")) return true;
  try {
    const body: unknown = await request.clone().json();
    return typeof body === "object" && body !== null && !Array.isArray(body);
  } catch {
    return false;
  }
}
