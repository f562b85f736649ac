import { z } from "@/lib/zod";
import { requireViewer } from "@/lib/session";
import { ResultRelay } from "./result-relay";

const searchSchema = z.object({
  status: z.enum(["connected", "failed"]).catch("failed"),
  reason: z.string().regex(/^[a-z_]{1,32}$/).optional().catch(undefined),
  dialpad_domain: z.string().regex(/^[a-z0-9.-]{1,253}$/i).optional().catch(undefined),
});

export default async function DialpadResultPage({ searchParams }: PageProps<"/settings/products/dialpad-result">) {
  await requireViewer({ roles: ["admin"] });
  const { status, reason, dialpad_domain: dialpadDomain } = searchSchema.parse(await searchParams);
  const query = new URLSearchParams({ dialpad: status });
  if (status === "failed") query.set("reason", reason ?? "error");
  if (dialpadDomain) query.set("dialpad_domain", dialpadDomain);
  return <ResultRelay query={query.toString()} />;
}
