// A link to a CSV export, styled as a button. A plain <a download> so the browser
// streams the file to disk instead of the client router fetching it.
export function ExportCsvLink({ href, label = "Export CSV" }: { href: string; label?: string }) {
  return (
    <a className="button button--secondary button--small" href={href} download>
      {label}
    </a>
  );
}
