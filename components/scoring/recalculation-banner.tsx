import type { RecalculationProgress } from "@/lib/services/scores/get-score-recalculation";
import { RefreshWhileRecalculating } from "./refresh-while-recalculating";

const unitNames = { employees: ["employee", "employees"], roles: ["role", "roles"] } as const;

export function describeProgress({ unit, done, total }: RecalculationProgress): string {
  return `${done} of ${total} ${unitNames[unit][total === 1 ? 0 : 1]}`;
}

/** "Recalculating… N of M employees" while score work a change queued runs; nothing once scores are current. */
export function RecalculationBanner({ progress }: { progress: readonly RecalculationProgress[] }) {
  if (progress.length === 0) return null;
  return (
    <div className="alert alert--info" role="status" data-testid="recalculation">
      <p>
        Recalculating scores… {progress.map(describeProgress).join(", ")}. Scores shown here may change until it finishes.
      </p>
      <RefreshWhileRecalculating />
    </div>
  );
}
