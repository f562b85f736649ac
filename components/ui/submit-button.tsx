"use client";

import type { ReactNode } from "react";
import { useFormStatus } from "react-dom";

type SubmitButtonProps = {
  children: ReactNode;
  pendingLabel?: string;
  variant?: "primary" | "secondary" | "danger";
  small?: boolean;
  /** Nothing to do: the button stays visible but can't be pressed. */
  disabled?: boolean;
};

export function SubmitButton({ children, pendingLabel, variant = "primary", small, disabled = false }: SubmitButtonProps) {
  const { pending } = useFormStatus();
  const className = ["button", variant !== "primary" && `button--${variant}`, small && "button--small"].filter(Boolean).join(" ");
  return (
    <button type="submit" className={className} disabled={pending || disabled} aria-disabled={pending || disabled}>
      {pending && pendingLabel ? pendingLabel : children}
    </button>
  );
}
