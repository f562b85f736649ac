import { isAppError } from "@/lib/errors";
import {
  DialpadConfigError,
  DialpadForbiddenError,
  DialpadRequestError,
  DialpadResponseError,
  DialpadTransientError,
} from "@/lib/integrations/dialpad/errors";

export interface SyncFailure {
  /** What went wrong and what to do next, for admins. Never carries tokens or payloads. */
  message: string;
  /** The scheduler resumes the run by itself on its next tick. */
  isRetryable: boolean;
}

const resumes = "The sync continues from where it stopped; nothing already synced is lost.";

export function describeSyncFailure(error: unknown): SyncFailure {
  if (error instanceof DialpadTransientError) {
    const why = error.status === 429 ? "Dialpad kept asking Daymark to slow down (HTTP 429)" : "Dialpad could not be reached or kept failing";
    return { message: `${why}. Daymark tries again at the next scheduled sync, or choose Sync now. ${resumes}`, isRetryable: true };
  }
  if (error instanceof DialpadForbiddenError) {
    return {
      message: `Dialpad refused to list calls. Reconnect Dialpad with a Dialpad company admin account that grants the calls:list scope. ${resumes}`,
      isRetryable: false,
    };
  }
  if (error instanceof DialpadResponseError) {
    return { message: `Dialpad sent a page Daymark could not read. Daymark tries again at the next scheduled sync. ${resumes}`, isRetryable: true };
  }
  if (error instanceof DialpadConfigError) {
    return { message: `${error.message} Fix the server configuration, then choose Sync now.`, isRetryable: false };
  }
  if (error instanceof DialpadRequestError) {
    return { message: `${error.message} Choose Sync now to try again; if it keeps happening, re-sync a smaller date range.`, isRetryable: false };
  }
  if (isAppError(error) && error.code === "DIALPAD_DISCONNECTED") {
    return {
      message: `Dialpad no longer accepts Daymark's authorization. Reconnect Dialpad in Settings → Products. ${resumes}`,
      isRetryable: false,
    };
  }
  return {
    message: `Daymark hit an unexpected error while syncing (${error instanceof Error ? error.name : "unknown"}). It tries again at the next scheduled sync; if this keeps happening, check the server logs. ${resumes}`,
    isRetryable: true,
  };
}
