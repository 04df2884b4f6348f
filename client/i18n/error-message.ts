import { ApiError } from '../lib/api';
import type { MessageKey } from './en';

/** The message explaining a failure to the user; anything not from the API is the client's own bug. */
export function errorMessageKey(error: unknown): MessageKey {
  return error instanceof ApiError ? `error.${error.code}` : 'error.internal_error';
}
