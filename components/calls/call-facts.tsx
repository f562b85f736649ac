import { ContactValue } from "@/components/ui/contact-value";
import type { CallDetail } from "@/lib/services/views/get-call-detail";
import { describeVoicemail, directionLabels } from "./call-format";
import { describeCallState, describeTargetType } from "./call-labels";
import styles from "./calls.module.css";

const yesNo = (value: boolean) => (value ? "Yes" : "No");
const orDash = (value: string | null) => (value && value.trim() ? value : "—");

/** Parties, routing and indicators of the leg, as Dialpad reported them. */
type CallFactsProps = { call: CallDetail["call"]; titleId: string; headingLevel: "h2" | "h3" };

export function CallFacts({ call, titleId, headingLevel: Heading }: CallFactsProps) {
  const typeOf = (type: string | null) => describeTargetType(type) && `(${describeTargetType(type)})`;
  const target = [call.targetName, typeOf(call.targetType)].filter(Boolean).join(" ");
  return (
    <section aria-labelledby={`${titleId}-parties`}>
      <Heading id={`${titleId}-parties`}>Parties and routing</Heading>
      <dl className={styles.grid}>
        <div><dt>Direction</dt><dd>{directionLabels[call.direction]}{call.isInternal ? " (internal)" : ""}</dd></div>
        <div><dt>Last state</dt><dd>{describeCallState(call.state)}</dd></div>
        <div><dt>External number</dt><dd className={styles.number}>{orDash(call.externalNumber)}</dd></div>
        <div><dt>Internal number</dt><dd className={styles.number}>{orDash(call.internalNumber)}</dd></div>
        <div><dt>Contact</dt><dd><ContactParts name={call.contactName} phone={call.contactPhone} type={typeOf(call.contactType)} /></dd></div>
        <div><dt>Target</dt><dd>{orDash(target)}</dd></div>
        <div><dt>Entry point</dt><dd>{orDash(call.entryPointTargetName)}</dd></div>
        <div><dt>Transferred</dt><dd>{yesNo(call.isTransferred)}</dd></div>
        <div><dt>Recording</dt><dd>{call.wasRecorded ? "Recorded" : "Not recorded"}</dd></div>
        <div><dt>Voicemail</dt><dd data-testid="call-voicemail">{describeVoicemail(call)}</dd></div>
      </dl>
      <details className={styles.ids}>
        <summary>Dialpad identifiers</summary>
        <dl className={styles.grid}>
          <div><dt>Call id</dt><dd><code>{call.dialpadCallId}</code></dd></div>
          <div><dt>Master call id</dt><dd><code>{orDash(call.masterCallId)}</code></dd></div>
          <div><dt>Entry point call id</dt><dd><code>{orDash(call.entryPointCallId)}</code></dd></div>
          <div><dt>Operator call id</dt><dd><code>{orDash(call.operatorCallId)}</code></dd></div>
          <div><dt>User id</dt><dd><code>{orDash(call.dialpadUserId)}</code></dd></div>
        </dl>
      </details>
    </section>
  );
}

/** "Ann Lee +1 415-555-0142 (contact)", the number kept whole. */
function ContactParts({ name, phone, type }: { name: string | null; phone: string | null; type: string | null | undefined }) {
  const hasPhone = Boolean(phone && phone.trim());
  if (!name && !hasPhone && !type) return <>—</>;
  return (
    <>
      {name}
      {name && hasPhone ? " " : null}
      {hasPhone ? <ContactValue value={phone!} /> : null}
      {type ? ` ${type}` : null}
    </>
  );
}
