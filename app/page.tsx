import { redirect } from "next/navigation";
import { connection } from "next/server";
import { getDb } from "@/db/client";
import { isSetupComplete } from "@/lib/services/organizations/setup-organization";

export default async function Home() {
  await connection();
  redirect((await isSetupComplete(getDb())) ? "/team" : "/setup");
}
