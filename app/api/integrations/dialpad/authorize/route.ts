import { NextResponse, type NextRequest } from "next/server";
import { getDb } from "@/db/client";
import { getEnv } from "@/lib/env";
import { isAppError } from "@/lib/errors";
import { startDialpadAuthorization } from "@/lib/services/dialpad-connection/start-authorization";
import { syncSettingsSchema } from "@/lib/services/sync/sync-settings";
import { getViewer } from "@/lib/session";

// GET /api/integrations/dialpad/authorize: starts the OAuth flow for an admin and redirects to Dialpad.
export async function GET(request: NextRequest) {
  const appUrl = getEnv().APP_URL;
  const viewer = await getViewer();
  if (!viewer) return NextResponse.redirect(new URL("/login", appUrl));
  if (viewer.role !== "admin") return new NextResponse("Not found", { status: 404 });
  const isPopup = request.nextUrl.searchParams.get("popup") === "1";
  // The connect form's "how far back" choice; anything unreadable keeps the saved setting.
  const backfillDays = syncSettingsSchema.shape.backfillDays.safeParse(request.nextUrl.searchParams.get("backfillDays") ?? undefined);
  try {
    const url = await startDialpadAuthorization(getDb(), viewer, { isPopup, backfillDays: backfillDays.success ? backfillDays.data : undefined });
    return NextResponse.redirect(url);
  } catch (error) {
    console.error(`[dialpad authorize] ${isAppError(error) ? error.message : "unexpected error"}`);
    const result = new URL("/settings/products/dialpad-result", appUrl);
    result.searchParams.set("status", "failed");
    result.searchParams.set("reason", "error");
    if (isPopup) result.searchParams.set("popup", "1");
    return NextResponse.redirect(result);
  }
}
