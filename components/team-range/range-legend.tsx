import { scoreBands } from "@/lib/scoring/score-bands";
import styles from "./team-range.module.css";

/** What the colours, "—" and "Off" mean: the number in each cell is the score itself. */
export function RangeLegend() {
  return (
    <ul className={styles.legend} aria-label="Legend">
      {scoreBands.map((band) => (
        <li key={band.key}>
          <span className={styles.swatch} data-band={band.key} aria-hidden="true" />
          {band.range}: {band.label.toLowerCase()}
        </li>
      ))}
      <li>
        <span className={styles.swatch} aria-hidden="true">—</span>
        no score (focus a cell for the reason)
      </li>
      <li>
        <span className={styles.swatch} data-off="" aria-hidden="true" />
        Off: not a work day
      </li>
    </ul>
  );
}
