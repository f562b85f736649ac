import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { getDb } from "@/db/client";
import { listCountries } from "@/lib/services/organizations/countries";
import { isSetupComplete } from "@/lib/services/organizations/setup-organization";
import { listTimeZones } from "@/lib/services/organizations/timezones";
import { listTimeZoneOptionsNow } from "@/lib/time-zone-options";
import { SetupForm } from "./setup-form";

export const metadata: Metadata = { title: "Set up Daymark" };

export default async function SetupPage() {
  await connection();
  if (await isSetupComplete(getDb())) notFound();
  return (
    <>
      <h1>Set up Daymark</h1>
      <p className="muted">
        Register your organization and its first administrator. Everyone who signs in later needs an email address in
        this domain.
      </p>
      <SetupForm timeZones={listTimeZoneOptionsNow(listTimeZones())} countries={listCountries()} />
    </>
  );
}
