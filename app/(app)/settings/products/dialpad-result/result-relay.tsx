"use client";

import { useEffect } from "react";
import { dialpadResultMessageType, type DialpadResultMessage } from "@/components/integrations/dialpad-popup";

/** In the popup: hand the result to the settings page and close. Without an opener: go there directly. */
export function ResultRelay({ query }: { query: string }) {
  useEffect(() => {
    const opener = window.opener as Window | null;
    if (opener && !opener.closed) {
      const message: DialpadResultMessage = { type: dialpadResultMessageType, query };
      opener.postMessage(message, window.location.origin);
      window.close();
      return;
    }
    window.location.replace(`/settings/products?${query}`);
  }, [query]);

  return (
    <p role="status" className="muted">
      Finishing the Dialpad connection…
    </p>
  );
}
