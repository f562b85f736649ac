import type { FormAction } from "@/lib/action";
import { formatLocalDateTime } from "@/lib/dates";
import type { FailedScoreWork } from "@/lib/services/scores/get-score-recalculation";
import { RetryScoreWorkButton } from "./retry-score-work-button";

type FailedScoreWorkListProps = { failures: readonly FailedScoreWork[]; timeZone: string; retryAction: FormAction<{ requeued: number }> };

/** Score work that failed every try: what, when and why, with Retry; nothing when there is none. */
export function FailedScoreWorkList({ failures, timeZone, retryAction }: FailedScoreWorkListProps) {
  if (failures.length === 0) return null;
  return (
    <section className="alert alert--error" aria-labelledby="failed-score-work-heading" data-testid="failed-score-work">
      <h2 id="failed-score-work-heading">Score recalculation failed</h2>
      <p>These scores could not be recalculated and may be out of date. Retry once the cause is fixed.</p>
      <ul>
        {failures.map((failure) => (
          <li key={failure.id}>
            <strong>{failure.subject}</strong> failed at {formatLocalDateTime(failure.failedAt, timeZone)} after {failure.attempts}{" "}
            {failure.attempts === 1 ? "try" : "tries"}: <code>{failure.error}</code>
            <RetryScoreWorkButton action={retryAction} id={failure.id} label="Retry" small />
          </li>
        ))}
      </ul>
      {failures.length > 1 ? <RetryScoreWorkButton action={retryAction} id="all" label="Retry all" /> : null}
    </section>
  );
}
