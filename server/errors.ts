import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { ErrorCode } from '../shared/errors';

/** The one error type the HTTP layer turns into `{ error: { code, message } }`. */
export class AppError extends Error {
  override name = 'AppError';
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: ErrorCode,
    message: string,
    /** Extra response headers, e.g. Retry-After. */
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

export const notFound = (what: string) => new AppError(404, 'not_found', `${what} was not found`);
export const validationFailed = (message: string) => new AppError(400, 'validation_failed', message);
export const badRequest = (message: string) => new AppError(400, 'bad_request', message);
export const unauthenticated = () => new AppError(401, 'unauthenticated', 'You need to log in');
export const invalidCredentials = () => new AppError(401, 'invalid_credentials', 'Wrong email or password');
export const forbidden = (message: string) => new AppError(403, 'forbidden', message);
export const conflict = (
  code:
    | 'email_taken'
    | 'last_owner'
    | 'invalid_transition'
    | 'instance_not_empty'
    | 'anchor_mismatch'
    | 'discussion_full'
    | 'workshop_locked'
    | 'vote_budget_exceeded'
    | 'export_not_ready',
  message: string,
) =>
  new AppError(409, code, message);
export const gone = (code: 'invitation_expired' | 'invitation_revoked' | 'invitation_used', message: string) =>
  new AppError(410, code, message);
export const tooManyAttempts = (retryAfterSeconds: number) =>
  new AppError(429, 'too_many_attempts', `Too many failed attempts; try again in ${retryAfterSeconds} s`, {
    'retry-after': String(retryAfterSeconds),
  });

export const tooManyRequests = (retryAfterSeconds: number) =>
  new AppError(429, 'too_many_requests', `Too many changes at once; try again in ${retryAfterSeconds} s`, {
    'retry-after': String(retryAfterSeconds),
  });

/** A file offered for import that is not one it reads (415), cannot be read (422), or is larger than it takes (413). */
export const unsupportedFile = (message: string) => new AppError(415, 'unsupported_file', message);
export const unreadableFile = (message: string) => new AppError(422, 'unreadable_file', message);
export const fileTooLarge = (message: string) => new AppError(413, 'file_too_large', message);
