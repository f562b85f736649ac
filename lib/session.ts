import "server-only";
import { getServerSession } from "next-auth";
import { forbidden, notFound, redirect } from "next/navigation";
import { connection } from "next/server";
import { cache } from "react";
import { z } from "@/lib/zod";
import { getDb } from "@/db/client";
import { userRoles, type UserRole } from "@/db/schema";
import { getAuthOptions } from "@/lib/auth";
import type { Viewer } from "@/lib/services/access/viewer";
import { loadSessionViewer } from "@/lib/services/users/sessions";

export type { Viewer };

const claimsSchema = z.object({
  userId: z.number().int(),
  organizationId: z.number().int(),
  role: z.enum(userRoles),
  sessionVersion: z.number().int(),
  sessionId: z.string().min(1).max(100),
});

/**
 * The signed-in viewer, re-loaded from the database (the server-side session must be live, and the
 * active flag, role and session version must still match the token), or null. Cached per request so layout and page share one lookup.
 */
export const getViewer = cache(async (): Promise<Viewer | null> => {
  // Marks the route dynamic before the secret is read, so `next build` never prerenders a signed-in page.
  await connection();
  const claims = claimsSchema.safeParse(await getServerSession(getAuthOptions()));
  if (!claims.success) return null;
  return loadSessionViewer(getDb(), claims.data);
});

/**
 * For every page, layout and server action: signed out → /login; a role outside `roles` → 403 on a page
 * (app/forbidden.tsx: every install has the same pages, so saying so reveals nothing, and no id is read
 * first) and 404 in a server action. Route handlers call getViewer and answer 401.
 */
export async function requireViewer(options: { roles?: readonly UserRole[]; wrongRole?: "forbidden" | "notFound" } = {}): Promise<Viewer> {
  const viewer = await getViewer();
  if (!viewer) redirect("/login");
  if (options.roles && !options.roles.includes(viewer.role)) {
    if (options.wrongRole === "notFound") notFound();
    forbidden();
  }
  return viewer;
}
