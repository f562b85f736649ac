import type { Metadata } from "next";
import { PrivacySettingsForm } from "@/components/privacy/privacy-settings-form";
import { getDb } from "@/db/client";
import { getPrivacySettings } from "@/lib/services/privacy/get-privacy-settings";
import { requireViewer } from "@/lib/session";
import { updatePrivacySettingsAction } from "./actions";

export const metadata: Metadata = { title: "Privacy settings" };

export default async function PrivacySettingsPage() {
  const viewer = await requireViewer({ roles: ["admin"] });
  const settings = await getPrivacySettings(getDb(), viewer.organizationId);
  return (
    <section className="card" aria-labelledby="privacy-heading">
      <h2 id="privacy-heading">Privacy</h2>
      <p className="muted">
        Daymark keeps call metadata only (times, durations, states, numbers), never recordings, transcripts or messages. Each
        employee can read these rules, their own data and who opened it under My data.
      </p>
      <PrivacySettingsForm
        action={updatePrivacySettingsAction}
        initial={{
          callRetentionMonths: String(settings.callRetentionMonths),
          scoreRetentionMonths: String(settings.scoreRetentionMonths),
          maskNumbersFor: settings.maskNumbersFor,
          linkRecordings: settings.linkRecordings,
        }}
      />
    </section>
  );
}
