import type { PageContext } from '../page-context.js';

// A window about to end is treated as ended, so that a form is not posted into its last second.
const PRIVILEGE_MARGIN_MS = 5_000;

/** Whether the API's privileged window (the password re-entered) is still open for this session. */
export function isPrivileged(ctx: PageContext): boolean {
  const until = ctx.auth?.privilegedUntil;
  return Boolean(until && Date.parse(until) - PRIVILEGE_MARGIN_MS > Date.now());
}

/** Sends the member to the password gate (coming back here after it) unless the window is open. */
export function sentToGate(ctx: PageContext): boolean {
  if (isPrivileged(ctx)) return false;
  ctx.redirect(`/my/account?next=${encodeURIComponent(ctx.here)}`);
  return true;
}
