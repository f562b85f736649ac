// The message the result page posts from the popup to the settings page that opened it.
export const dialpadResultMessageType = "daymark:dialpad-result";

export interface DialpadResultMessage {
  type: typeof dialpadResultMessageType;
  query: string;
}

export function isDialpadResultMessage(data: unknown): data is DialpadResultMessage {
  return (
    typeof data === "object" &&
    data !== null &&
    (data as { type?: unknown }).type === dialpadResultMessageType &&
    typeof (data as { query?: unknown }).query === "string"
  );
}
