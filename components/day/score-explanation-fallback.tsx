import { describeScoringMethod, explainScore } from "@/lib/scoring/explain";
import type { ScoreBreakdown } from "@/lib/scoring/score";
import styles from "./day.module.css";

/** "How is this calculated?" from the stored breakdown, for when the scoring panel is unavailable. */
export function ScoreExplanationFallback({ breakdown }: { breakdown: ScoreBreakdown | null }) {
  return (
    <details className={styles.explain}>
      <summary>How is this calculated?</summary>
      {breakdown ? (
        <ul>
          {explainScore(breakdown).map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      ) : null}
      <p className="muted">The method</p>
      <ul>
        {describeScoringMethod().map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
    </details>
  );
}
