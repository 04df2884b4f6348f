import { describe, expect, it } from 'vitest';
import { clientAddress } from './client-address';

describe('clientAddress', () => {
  it('is the socket peer when no proxy is trusted, whatever the headers claim', () => {
    expect(clientAddress('203.0.113.7', '198.51.100.1', 0)).toBe('203.0.113.7');
    expect(clientAddress(undefined, undefined, 0)).toBe('unknown');
  });

  it('is the address the one trusted proxy received from, not what the client wrote before it', () => {
    // The client sent "X-Forwarded-For: 1.2.3.4"; the proxy appended the address it saw.
    expect(clientAddress('10.0.0.2', '1.2.3.4, 198.51.100.9', 1)).toBe('198.51.100.9');
    expect(clientAddress('10.0.0.2', '198.51.100.9', 1)).toBe('198.51.100.9');
  });

  it('counts past each trusted proxy, across repeated headers', () => {
    expect(clientAddress('10.0.0.3', ['6.6.6.6, 198.51.100.9', '10.0.0.2'], 2)).toBe('198.51.100.9');
    expect(clientAddress('10.0.0.3', '6.6.6.6,198.51.100.9 , 10.0.0.2', 2)).toBe('198.51.100.9');
  });

  it('falls back to the farthest address known when the header is short or missing', () => {
    expect(clientAddress('10.0.0.3', '198.51.100.9', 3)).toBe('198.51.100.9');
    expect(clientAddress('10.0.0.3', undefined, 1)).toBe('10.0.0.3');
    expect(clientAddress('10.0.0.3', ' , ', 1)).toBe('10.0.0.3');
  });
});
