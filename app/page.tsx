import { redirect } from "next/navigation";
import { connection } from "next/server";
import { getDb } from "@/db/client";
import { getHomePath } from "@/lib/services/access/main-nav-links";
import { isSetupComplete } from "@/lib/services/organizations/setup-organization";
import { getViewer } from "@/lib/session";

// "/": set-up first; then an employee lands on their own day ("My day"), everyone else on the Team page.
export default async function Home() {
  await connection();
  if (!(await isSetupComplete(getDb()))) redirect("/setup");
  const viewer = await getViewer();
  redirect(viewer ? getHomePath(viewer) : "/team");
}
