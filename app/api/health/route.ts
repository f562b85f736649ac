import { NextResponse } from "next/server";
import { getDb } from "@/db/client";
import { pingDatabase } from "@/db/queries/health";

// GET /api/health: liveness plus one database round trip; 503 (not a crash) when DATABASE_URL is unusable or the server is down.
export async function GET() {
  try {
    await pingDatabase(getDb());
    return NextResponse.json({ status: "ok" });
  } catch {
    return NextResponse.json({ status: "error", database: "unreachable" }, { status: 503 });
  }
}
