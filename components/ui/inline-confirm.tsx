"use client";

import { useEffect, useRef, type ReactNode } from "react";

type InlineConfirmProps = {
  message: ReactNode;
  /** The confirming control: usually a SubmitButton inside the caller's form. */
  children: ReactNode;
  onCancel: () => void;
};

/**
 * "Blake Costa will lose this Dialpad user." with the confirming button and Cancel, shown in place of
 * the button that asked. Focus moves to the confirming button; Escape cancels.
 */
export function InlineConfirm({ message, children, onCancel }: InlineConfirmProps) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.querySelector<HTMLButtonElement>("button")?.focus();
  }, []);
  return (
    <div
      ref={ref}
      className="inline-confirm"
      role="group"
      aria-label="Confirm"
      onKeyDown={(event) => {
        if (event.key === "Escape") onCancel();
      }}
    >
      <p className="inline-confirm__message" role="status">
        {message}
      </p>
      <div className="button-row">
        {children}
        <button type="button" className="button button--secondary button--small" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </div>
  );
}
