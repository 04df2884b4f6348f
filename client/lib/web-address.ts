/**
 * Whether `value` is a web address (http: or https:), the only kind a
 * citation may link to: anything else (javascript:, data:, file:) is shown
 * as text, never followed.
 */
export function isWebAddress(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
}
