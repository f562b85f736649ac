"use client";

import { usePathname, useRouter } from "next/navigation";
import { useEffect, useRef, type KeyboardEvent, type ReactNode } from "react";
import styles from "./calls.module.css";

type CallModalProps = {
  children: ReactNode;
  titleId: string;
  path: string;
  /** The day's calls before and after this one (start order), or null at either end. */
  previousHref: string | null;
  nextHref: string | null;
};

/**
 * The intercepted call route's modal (vercel-labs/nextgram): a native modal <dialog>, so the page
 * behind is inert, focus stays inside and Escape closes. Closing goes back in history, which
 * returns to the day exactly as it was. Hidden as soon as the URL is no longer this call's.
 */
export function CallModal({ children, titleId, path, previousHref, nextHref }: CallModalProps) {
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

  // replace, not push: stepping through calls leaves one history entry, so Close still returns to the day.
  const go = (href: string | null) => {
    if (href) router.replace(href, { scroll: false });
  };
  const onKeyDown = (event: KeyboardEvent<HTMLDialogElement>) => {
    if (event.altKey || event.ctrlKey || event.metaKey || event.shiftKey || isTextTarget(event.target)) return;
    if (event.key === "ArrowLeft" && previousHref) go(previousHref);
    else if (event.key === "ArrowRight" && nextHref) go(nextHref);
    else return;
    event.preventDefault();
  };

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
      onKeyDown={onKeyDown}
    >
      <div className={styles.dialogBar}>
        <div className="button-row">
          <button type="button" className="button button--secondary button--small" disabled={!previousHref} onClick={() => go(previousHref)} aria-keyshortcuts="ArrowLeft">
            ← Previous call
          </button>
          <button type="button" className="button button--secondary button--small" disabled={!nextHref} onClick={() => go(nextHref)} aria-keyshortcuts="ArrowRight">
            Next call →
          </button>
        </div>
        <div className="button-row">
          <a href={path} className="button button--secondary button--small">
            Open as page
          </a>
          <button type="button" className="button button--small" onClick={() => router.back()} ref={closeRef}>
            Close
          </button>
        </div>
      </div>
      <div className={styles.dialogBody}>{children}</div>
    </dialog>
  );
}

/** Arrow keys keep their meaning in form fields and in the scrollable raw record. */
function isTextTarget(target: EventTarget): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT", "PRE"].includes(target.tagName));
}
