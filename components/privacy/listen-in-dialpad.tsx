/** Opens the recording or voicemail in Dialpad (a new tab); Daymark itself stores no audio. */
export function ListenInDialpad({ url }: { url: string | null }) {
  if (url === null) return null;
  return (
    <p>
      <a href={url} target="_blank" rel="noopener noreferrer" className="button button--secondary">
        Listen in Dialpad<span className="visually-hidden"> (opens Dialpad in a new tab)</span>
      </a>
    </p>
  );
}
