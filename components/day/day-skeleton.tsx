import styles from "./day.module.css";

/** Grey blocks where the day's score, timeline and calls will be, and a spoken "Loading the day…". */
export function DaySkeleton() {
  return (
    <div className={styles.skeleton} role="status" aria-live="polite" data-testid="day-loading">
      <span className="visually-hidden">Loading the day…</span>
      <div className={`${styles.skeletonBlock} ${styles.skeletonTitle}`} />
      <div className="card">
        <div className={`${styles.skeletonBlock} ${styles.skeletonLine}`} />
        <div className={styles.skeletonFigures}>
          {[0, 1, 2, 3, 4].map((i) => (
            <div key={i} className={`${styles.skeletonBlock} ${styles.skeletonFigure}`} />
          ))}
        </div>
      </div>
      <div className="card">
        <div className={`${styles.skeletonBlock} ${styles.skeletonLine}`} />
        <div className={`${styles.skeletonBlock} ${styles.skeletonTimeline}`} />
      </div>
    </div>
  );
}
