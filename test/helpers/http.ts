import { expect } from 'vitest';
import type { ErrorBody, ErrorCode } from '../../shared/errors';

/** Asserts the API's error shape: the status, JSON `{ error: { code, message } }` with a non-empty message. */
export async function expectError(response: Response, status: number, code: ErrorCode): Promise<void> {
  const text = await response.text();
  expect({ status: response.status, body: text }).toMatchObject({ status });
  expect(response.headers.get('content-type')).toMatch(/^application\/json/);
  const { error } = JSON.parse(text) as ErrorBody;
  expect(error.code).toBe(code);
  expect(error.message.length).toBeGreaterThan(0);
}

/** The body of a successful JSON response, after checking its status. */
export async function jsonOf<T>(response: Response, status = 200): Promise<T> {
  const text = await response.text();
  expect({ status: response.status, body: text }).toMatchObject({ status });
  return JSON.parse(text) as T;
}
