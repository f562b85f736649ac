import { scoreBands } from "@/components/team/score-bands";
import styles from "./team-range.module.css";

/** What the colours, "—" and "Off" mean: the number in each cell is the score itself. */
export function RangeLegend() {
  return (
    <ul className={styles.legend} aria-label="Legend">
      {scoreBands.map((band) => (
        <li key={band.id}>
          <span className={styles.swatch} data-band={band.id} aria-hidden="true" />
          {band.min}–{band.max}: {band.label}, {band.meaning}
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
