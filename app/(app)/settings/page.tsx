import type { Metadata } from "next";
import { SettingsForm } from "@/components/settings/settings-form";
import { getDb } from "@/db/client";
import { listCountries } from "@/lib/services/organizations/countries";
import { getViewerOrganization } from "@/lib/services/organizations/get-organization";
import { canonicalTimeZone } from "@/lib/canonical-time-zone";
import { listTimeZones } from "@/lib/services/organizations/timezones";
import { requireViewer } from "@/lib/session";
import { listTimeZoneOptionsNow } from "@/lib/time-zone-options";
import { updateSettingsAction } from "./actions";

export const metadata: Metadata = { title: "Settings" };

export default async function GeneralSettingsPage() {
  const viewer = await requireViewer({ roles: ["admin"] });
  const organization = await getViewerOrganization(getDb(), viewer);
  const zones = listTimeZones();
  return (
    <section className="card" aria-labelledby="general-heading">
      <h2 id="general-heading">General</h2>
      <p className="muted">
        Email domain: <strong>{organization.domain}</strong> (set when Daymark was set up).
      </p>
      <SettingsForm
        action={updateSettingsAction}
        initial={{
          name: organization.name,
          timezone: canonicalTimeZone(organization.timezone),
          countryCode: organization.countryCode,
          dayStartHour: String(organization.dayStartHour),
          workWeek: organization.workWeek.split(","),
        }}
        timeZones={listTimeZoneOptionsNow(zones.includes(canonicalTimeZone(organization.timezone)) ? zones : [organization.timezone, ...zones])}
        countries={listCountries()}
      />
    </section>
  );
}
