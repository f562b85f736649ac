// Shown at once while the server reads the range.
export default function TeamRangeLoading() {
  return (
    <>
      <h1>Team</h1>
      <p className="muted" role="status">Loading scores…</p>
    </>
  );
}
