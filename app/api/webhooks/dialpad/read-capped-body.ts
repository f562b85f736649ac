/** The request body as text, or null when it exceeds `maxBytes` (read no further than that). */
export async function readCappedBody(request: Request, maxBytes: number): Promise<string | null> {
  const length = request.headers.get("content-length");
  const declared = length === null ? Number.NaN : Number(length);
  if (declared > maxBytes) return null;
  // HTTP framing ends a body at its declared length, so it can be read whole.
  if (Number.isInteger(declared) && declared >= 0) return request.text();
  if (!request.body) return "";
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString("utf8");
}
