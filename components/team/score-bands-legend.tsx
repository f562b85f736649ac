import { scoreBands } from "./score-bands";
import styles from "./team.module.css";

/** The bands in words next to their colour, and what a row's day means. */
export function ScoreBandsLegend() {
  return (
    <div className={styles.legend}>
      <p className={styles.legendTitle} id="score-bands-title">
        Score bands
      </p>
      <ul aria-labelledby="score-bands-title">
        {scoreBands.map((band) => (
          <li key={band.id}>
            <span className={`${styles.chip} ${styles[`chip_${band.id}`]}`}>{band.label}</span> {band.min}–{band.max}: {band.meaning}
          </li>
        ))}
      </ul>
      <p className="muted">
        Each row is that person&apos;s local day, in their own time zone. A score compares the day with the role&apos;s
        usual days; open a person&apos;s day and choose &ldquo;How is this calculated?&rdquo; for the details.
      </p>
    </div>
  );
}
