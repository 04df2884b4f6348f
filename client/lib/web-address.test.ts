import { describe, expect, it } from 'vitest';
import { isWebAddress } from './web-address';

describe('a web address', () => {
  it.each([
    ['https://doi.org/10.1000/182', true],
    ['http://example.org/report.pdf', true],
    ['HTTPS://EXAMPLE.ORG', true],
    ['javascript:alert(1)', false],
    ['JavaScript:alert(1)', false],
    ['data:text/html,<script>alert(1)</script>', false],
    ['file:///etc/passwd', false],
    ['mailto:someone@example.org', false],
    ['example.org', false],
    ['', false],
  ])('%s → %s', (value, expected) => {
    expect(isWebAddress(value)).toBe(expected);
  });
});
