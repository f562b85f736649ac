export const connectFailureReasons = ["denied", "closed", "domain_mismatch", "not_admin", "invalid_state", "expired", "error"] as const;
export type ConnectFailureReason = (typeof connectFailureReasons)[number];

export type ConnectOutcome =
  | { status: "connected"; companyName: string; companyDomain: string; licensedUserCount: number; totalUserCount: number }
  | { status: "failed"; reason: ConnectFailureReason; message: string; dialpadDomain?: string };

const messages: Record<ConnectFailureReason, string> = {
  denied: "Dialpad access was not allowed, so nothing was connected. Choose Allow on Dialpad's page to connect.",
  closed: "The Dialpad window was closed before finishing, so nothing was connected.",
  domain_mismatch: "",
  not_admin:
    "The Dialpad account you signed in with is not a Dialpad company admin. Sign in with a company admin account: listing the company's calls requires it.",
  invalid_state: "This Dialpad sign-in link was already used or does not belong to you. Start again from Settings → Products.",
  expired: "The Dialpad sign-in took longer than 10 minutes and expired. Start again.",
  error: "Dialpad could not be reached or answered unexpectedly, so nothing was connected. Try again in a minute.",
};

export function connectFailure(
  reason: ConnectFailureReason,
  details?: { dialpadDomain: string; organizationDomain: string },
): ConnectOutcome {
  const message =
    reason === "domain_mismatch" && details
      ? `The Dialpad company you signed in to uses the domain ${details.dialpadDomain}, but this organization is registered with ${details.organizationDomain}. Sign in to the Dialpad company for ${details.organizationDomain}.`
      : messages[reason];
  return { status: "failed", reason, message, ...(details ? { dialpadDomain: details.dialpadDomain } : {}) };
}

/** The message for a failure reason arriving in a URL; unknown reasons read as a generic error. */
export function describeConnectFailure(reason: string, details?: { dialpadDomain: string; organizationDomain: string }): string {
  const known = (connectFailureReasons as readonly string[]).includes(reason) ? (reason as ConnectFailureReason) : "error";
  const outcome = connectFailure(known, details);
  return outcome.status === "failed" ? outcome.message : "";
}
