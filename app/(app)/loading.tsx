// Shown the moment a signed-in page starts loading (Team, Employees, Settings…), until it streams in;
// pages with their own loading.tsx show a closer skeleton instead.
export default function Loading() {
  return (
    <div className="route-loading" role="status" aria-live="polite" data-testid="route-loading">
      <div className="route-loading__bar" aria-hidden="true" />
      <span className="visually-hidden">Loading…</span>
      <div className="skeleton" style={{ height: "2rem", width: "40%" }} aria-hidden="true" />
      <div className="skeleton" style={{ height: "9rem" }} aria-hidden="true" />
      <div className="skeleton" style={{ height: "14rem" }} aria-hidden="true" />
    </div>
  );
}
