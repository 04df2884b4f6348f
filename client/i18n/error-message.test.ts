import { describe, expect, it } from 'vitest';
import { ApiError } from '../lib/api';
import { errorMessageKey } from './error-message';

describe('errorMessageKey', () => {
  it('names the message for the API error’s code', () => {
    expect(errorMessageKey(new ApiError(0, 'network_error', 'offline'))).toBe('error.network_error');
    expect(errorMessageKey(new ApiError(413, 'payload_too_large', 'big'))).toBe('error.payload_too_large');
  });

  it('treats any other failure as an internal error', () => {
    expect(errorMessageKey(new TypeError('boom'))).toBe('error.internal_error');
  });
});
