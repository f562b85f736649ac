import { NextResponse, type NextRequest } from "next/server";
import { getDb } from "@/db/client";
import { getEnv } from "@/lib/env";
import { completeDialpadAuthorization } from "@/lib/services/dialpad-connection/complete-authorization";
import { getViewer } from "@/lib/session";

// GET /api/integrations/dialpad/callback: Dialpad's redirect after Allow or Deny; stores tokens only on success.
export async function GET(request: NextRequest) {
  const appUrl = getEnv().APP_URL;
  const viewer = await getViewer();
  if (!viewer) return NextResponse.redirect(new URL("/login", appUrl));
  if (viewer.role !== "admin") return new NextResponse("Not found", { status: 404 });

  const { outcome, isPopup } = await completeDialpadAuthorization(getDb(), viewer, request.nextUrl);
  // The result page carries no secrets: only the outcome and, for a refusal, its reason.
  const result = new URL("/settings/products/dialpad-result", appUrl);
  result.searchParams.set("status", outcome.status);
  if (outcome.status === "failed") {
    result.searchParams.set("reason", outcome.reason);
    if (outcome.dialpadDomain) result.searchParams.set("dialpad_domain", outcome.dialpadDomain);
  }
  if (isPopup) result.searchParams.set("popup", "1");
  return NextResponse.redirect(result);
}
