import Link from "next/link";
import { formatDuration } from "@/lib/dates";
import type { LegRelation, LinkedLeg } from "@/lib/services/views/list-call-legs";
import { directionLabels, formatZonedTime, getTalkMs } from "./call-format";
import { describeCallState } from "./call-labels";

const relationLabels: Record<LegRelation, string> = {
  this: "This leg",
  master: "Master leg",
  entry_point: "Entry point",
  linked: "Linked leg",
};

function describeLegOwner(leg: LinkedLeg): string {
  if (leg.owner) return leg.owner.name;
  const target = leg.targetName?.trim();
  if (leg.isMapped) return target ? `${target} (outside your team)` : "Someone outside your team";
  return target ? `${target} (not mapped in Daymark)` : "Not mapped in Daymark";
}

type CallLegsProps = { legs: LinkedLeg[]; timeZone: string; titleId: string; headingLevel: "h2" | "h3" };

/** Other legs of the same call (transfers, three-way merges, call-center hops); each visible one opens. */
export function CallLegs({ legs, timeZone, titleId, headingLevel: Heading }: CallLegsProps) {
  const headingId = `${titleId}-legs`;
  return (
    <section aria-labelledby={headingId}>
      <Heading id={headingId}>Legs of this call</Heading>
      {legs.length === 0 ? (
        <p className="muted">No other legs: Dialpad linked nothing else to this call.</p>
      ) : (
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">Legs of this call, times in {timeZone}</caption>
            <thead>
              <tr>
                <th scope="col">Leg</th>
                <th scope="col">Who</th>
                <th scope="col">Direction</th>
                <th scope="col">Started</th>
                <th scope="col">Talk</th>
                <th scope="col">State</th>
              </tr>
            </thead>
            <tbody>
              {legs.map((leg) => (
                <tr key={leg.callId} aria-current={leg.relation === "this" ? "true" : undefined}>
                  <td>
                    {relationLabels[leg.relation]}
                    {leg.isTransferred ? <span className="muted"> (transferred)</span> : null}
                  </td>
                  <td>
                    {leg.relation !== "this" && leg.owner ? (
                      <Link href={`/employees/${leg.owner.employeeId}/calls/${leg.callId}`} scroll={false}>
                        {leg.owner.name}
                      </Link>
                    ) : (
                      describeLegOwner(leg)
                    )}
                  </td>
                  <td>{directionLabels[leg.direction]}</td>
                  <td>{formatZonedTime(leg.startedAt, timeZone)}</td>
                  <td>{formatDuration(getTalkMs(leg))}</td>
                  <td>{describeCallState(leg.state)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
