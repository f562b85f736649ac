export type EligibilityInput = { state: string | null; license: string | null; isRemoved: boolean };

export type Eligibility = { isMappable: true } | { isMappable: false; reason: string };

const stateReasons: Record<string, string> = {
  suspended: "Suspended in Dialpad",
  cancelled: "Cancelled in Dialpad",
  deleted: "Deleted in Dialpad",
  pending: "Invitation pending in Dialpad",
};

// Dialpad's "lite support agent" seat handles chat and email only: it has no phone line.
const licensesWithoutPhone = new Set(["lite_support_agents"]);

/** Only active users with a phone license can be mapped: nobody else makes or takes calls. */
export function getEligibility(user: EligibilityInput): Eligibility {
  if (user.isRemoved) return { isMappable: false, reason: "No longer listed by Dialpad" };
  if (user.state !== "active") {
    return { isMappable: false, reason: stateReasons[user.state ?? ""] ?? `Not active in Dialpad (state: ${user.state ?? "unknown"})` };
  }
  if (user.license === null || licensesWithoutPhone.has(user.license)) return { isMappable: false, reason: "No phone license in Dialpad" };
  return { isMappable: true };
}
