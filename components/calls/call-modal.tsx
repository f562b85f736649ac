"use client";

import { usePathname, useRouter } from "next/navigation";
import { useEffect, useRef, type ReactNode } from "react";
import styles from "./calls.module.css";

type CallModalProps = { children: ReactNode; titleId: string; path: string };

/**
 * The intercepted call route's modal (vercel-labs/nextgram): a native modal <dialog>, so the page
 * behind is inert, focus stays inside and Escape closes. Closing goes back in history, which
 * returns to the day exactly as it was. Hidden as soon as the URL is no longer this call's.
 */
export function CallModal({ children, titleId, path }: CallModalProps) {
  const router = useRouter();
  const pathname = usePathname();
  const dialogRef = useRef<HTMLDialogElement>(null);
  const closeRef = useRef<HTMLButtonElement>(null);
  const isOwnPath = pathname === path;

  useEffect(() => {
    const dialog = dialogRef.current;
    if (!isOwnPath || !dialog) return;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (!dialog.open) dialog.showModal();
    closeRef.current?.focus();
    const root = document.documentElement;
    const previousOverflow = root.style.overflow;
    root.style.overflow = "hidden";
    return () => {
      root.style.overflow = previousOverflow;
      if (opener?.isConnected) opener.focus({ preventScroll: true });
    };
  }, [isOwnPath]);

  if (!isOwnPath) return null;
  return (
    <dialog
      ref={dialogRef}
      className={styles.dialog}
      aria-labelledby={titleId}
      onCancel={(event) => {
        event.preventDefault();
        router.back();
      }}
      onClick={(event) => {
        if (event.target === event.currentTarget) router.back();
      }}
    >
      <div className={styles.dialogBar}>
        <a href={path} className="button button--secondary button--small">
          Open as page
        </a>
        <button type="button" className="button button--small" onClick={() => router.back()} ref={closeRef}>
          Close
        </button>
      </div>
      <div className={styles.dialogBody}>{children}</div>
    </dialog>
  );
}
