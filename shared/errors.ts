/**
 * Stable error codes shared by the server (which sends them) and the client
 * (which branches on them and translates them). Every HTTP error body is
 * `{ "error": { "code": ErrorCode, "message": string } }`.
 */
export const ERROR_CODES = [
  'bad_request',
  'validation_failed',
  'unauthenticated',
  'invalid_credentials',
  'forbidden',
  'cross_site_request',
  'not_found',
  'email_taken',
  'last_owner',
  'invalid_transition',
  'anchor_mismatch',
  'discussion_full',
  'workshop_locked',
  'vote_budget_exceeded',
  'instance_not_empty',
  'invitation_expired',
  'invitation_revoked',
  'invitation_used',
  'payload_too_large',
  'file_too_large',
  'unsupported_file',
  'unreadable_file',
  'export_not_ready',
  'too_many_attempts',
  'too_many_requests',
  'internal_error',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export interface ErrorBody {
  error: { code: ErrorCode; message: string };
}
