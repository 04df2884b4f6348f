import { documentPath } from './paths';

/**
 * Which pages need an account, and where a visitor is sent instead. Pure, so
 * the rules are tested without a router.
 */
export type RouteAccess =
  /** Anyone: an invitation is read before logging in. */
  | 'public'
  /** Only when logged out: logging in again makes no sense. */
  | 'guest'
  /** Only with an account. */
  | 'member';

export type SessionStatus = 'loading' | 'signed-in' | 'signed-out' | 'error';

const GUEST_PATHS = new Set(['/login', '/signup']);

export function routeAccess(pathname: string): RouteAccess {
  if (GUEST_PATHS.has(pathname)) return 'guest';
  if (pathname.startsWith('/join/') || pathname === WORKSHOP_JOIN_PATH || pathname.startsWith(`${WORKSHOP_JOIN_PATH}/`)) return 'public';
  return 'member';
}

/** Where guests type a workshop's code, or arrive with it (`/w/join/<code>`). */
export const WORKSHOP_JOIN_PATH = '/w/join';

/**
 * Where a workshop's guest is sent instead of `pathname`, or null to let them
 * be: their session reaches their workshop (and the page to join one) only.
 */
export function workshopGuestRedirect(pathname: string, guestOf: string | null): string | null {
  if (guestOf === null) return null;
  const room = documentPath(guestOf);
  return pathname === room || routeAccess(pathname) === 'public' ? null : room;
}

/**
 * The page to go to after logging in: only a path on this site (never
 * `//other.site` or `https://…`, which would make the login page an open
 * redirect) and never back to the login pages themselves.
 */
export function safeNextPath(raw: unknown): string {
  if (typeof raw !== 'string' || !raw.startsWith('/') || raw.startsWith('//') || raw.startsWith('/\\')) return '/';
  const pathname = raw.split(/[?#]/, 1)[0] ?? '';
  return routeAccess(pathname) === 'guest' ? '/' : raw;
}

/** `/login?next=…` (or `/signup?next=…`) that brings the visitor back to `here` afterwards. */
export function authPath(page: '/login' | '/signup', here: string): string {
  const next = safeNextPath(here);
  return next === '/' ? page : `${page}?next=${encodeURIComponent(next)}`;
}

/** Where the guard sends this visitor, or null to let them see the page. */
export function redirectFor(location: { pathname: string; search: string }, status: SessionStatus): string | null {
  const access = routeAccess(location.pathname);
  if (access === 'member' && status === 'signed-out') return authPath('/login', location.pathname + location.search);
  if (access === 'guest' && status === 'signed-in') return safeNextPath(new URLSearchParams(location.search).get('next'));
  return null;
}

/** The invitation a sign-up or log-in is on the way to, when `next` is a `/join/<token>` page. */
export function invitationTokenOf(next: string): string | null {
  const match = /^\/join\/([A-Za-z0-9_-]{20,64})(?:[?#]|$)/.exec(next);
  return match?.[1] ?? null;
}
