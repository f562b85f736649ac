/** Grey blocks where the team's averages and rows will be, a top bar, and a spoken "Loading the team…". */
export function TeamSkeleton() {
  return (
    <div className="route-loading" role="status" aria-live="polite" data-testid="team-loading">
      <div className="route-loading__bar" aria-hidden="true" />
      <span className="visually-hidden">Loading the team…</span>
      <div className="skeleton" style={{ height: "2rem", width: "30%" }} aria-hidden="true" />
      <div className="skeleton" style={{ height: "5rem" }} aria-hidden="true" />
      {[0, 1, 2, 3, 4, 5].map((i) => (
        <div key={i} className="skeleton" style={{ height: "2.4rem" }} aria-hidden="true" />
      ))}
    </div>
  );
}
