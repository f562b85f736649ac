import { describeCallKind } from "@/components/calls/call-labels";
import { formatLocalTime } from "@/lib/dates";
import { describeScoringMethod, explainScore, formatSignalValue } from "@/lib/scoring/explain";
import type { ScoreBreakdown, SignalBreakdown } from "@/lib/scoring/score";
import styles from "./scoring.module.css";

export type UncountedCallItem = {
  dialpadCallId: string;
  startedAt: number;
  kind: string;
  reason: string;
  isFlagged: boolean;
};

type ScoreExplanationProps = {
  /** The stored breakdown; null while the score is recalculated or for a day still to come. */
  breakdown: ScoreBreakdown | null;
  /** Calls that started in the day and count no time, with the reason (EmployeeDayScore.uncounted). */
  uncounted: readonly UncountedCallItem[];
  /** The employee's zone, for call times. */
  timeZone: string;
  /** Why there is no breakdown, when the day has no data at all. */
  emptyText?: string;
};

function describeBaseline(signal: SignalBreakdown): string {
  return signal.baselineSource === "peers" ? `role median, ${signal.baselineDays} person-days` : "default target";
}

const format2 = (n: number | null) => (n === null ? "—" : String(Math.round(n * 100) / 100));

/** "How is this calculated?": the signals, the arithmetic, the calls that did not count, and the method. */
export function ScoreExplanation({ breakdown, uncounted, timeZone, emptyText }: ScoreExplanationProps) {
  return (
    <details className={styles.panel} data-testid="score-explanation">
      <summary>How is this calculated?</summary>
      {breakdown ? (
        <>
          <div className="table-wrap">
            <table>
              <caption className="visually-hidden">Score breakdown</caption>
              <thead>
                <tr>
                  <th scope="col">Signal</th>
                  <th scope="col">Value</th>
                  <th scope="col">Baseline</th>
                  <th scope="col" className={styles.numeric}>Ratio</th>
                  <th scope="col" className={styles.numeric}>Weight</th>
                  <th scope="col" className={styles.numeric}>Points</th>
                </tr>
              </thead>
              <tbody>
                {breakdown.signals.map((signal) => (
                  <tr key={signal.key}>
                    <th scope="row">{signal.label}</th>
                    <td>{formatSignalValue(signal.key, signal.value)}</td>
                    <td>
                      {formatSignalValue(signal.key, signal.baseline)} <span className="muted">({describeBaseline(signal)})</span>
                    </td>
                    <td className={styles.numeric}>{signal.ratio === null ? "—" : `${format2(signal.ratio)}×`}</td>
                    <td className={styles.numeric}>{signal.weight}</td>
                    <td className={styles.numeric}>{format2(signal.points)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <ul>
            {explainScore(breakdown).map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        </>
      ) : (
        <p className="muted">{emptyText ?? "There is no score to explain for this day yet."}</p>
      )}
      <h3>Calls that did not count</h3>
      {uncounted.length === 0 ? (
        <p className="muted">None: every call that started this day counted.</p>
      ) : (
        <ul>
          {uncounted.map((call) => (
            <li key={call.dialpadCallId}>
              {formatLocalTime(call.startedAt, timeZone)} · {describeCallKind(call.kind)}
              {call.isFlagged ? <span className={styles.flag}> (flagged)</span> : null}: {call.reason}
            </li>
          ))}
        </ul>
      )}
      <h3>The method</h3>
      <ul>
        {describeScoringMethod().map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
    </details>
  );
}
