import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { SetupForm } from "@/app/(auth)/setup/setup-form";
import { listCountries } from "@/lib/services/organizations/countries";
import { isSignUpOpen } from "@/lib/services/organizations/sign-up-organization";
import { listTimeZones } from "@/lib/services/organizations/timezones";
import { listTimeZoneOptionsNow } from "@/lib/time-zone-options";
import { signUpAction } from "./actions";

export const metadata: Metadata = { title: "Sign up" };

// Only with DAYMARK_SIGNUP=open; otherwise the page does not exist.
export default async function SignUpPage() {
  await connection();
  if (!isSignUpOpen()) notFound();
  return (
    <>
      <h1>Sign up</h1>
      <p className="muted">
        Register your organization and its first administrator. Everyone who signs in later needs an email address in
        this domain.
      </p>
      <SetupForm timeZones={listTimeZoneOptionsNow(listTimeZones())} countries={listCountries()} action={signUpAction} submitLabel="Sign up" />
      <p className="muted">
        Already have an account? <Link href="/login">Sign in</Link>
      </p>
    </>
  );
}
