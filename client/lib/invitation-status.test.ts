import { describe, expect, it } from 'vitest';
import { effectiveInvitationStatus } from './invitation-status';

const now = new Date('2025-03-20T12:00:00Z');

describe('effectiveInvitationStatus', () => {
  it('keeps a pending invitation pending until it expires', () => {
    expect(effectiveInvitationStatus({ status: 'pending', expiresAt: '2025-03-21T00:00:00Z' }, now)).toBe('pending');
    expect(effectiveInvitationStatus({ status: 'pending', expiresAt: '2025-03-20T12:00:00Z' }, now)).toBe('expired');
  });

  it('trusts the server for anything else', () => {
    expect(effectiveInvitationStatus({ status: 'revoked', expiresAt: '2030-01-01T00:00:00Z' }, now)).toBe('revoked');
    expect(effectiveInvitationStatus({ status: 'accepted', expiresAt: '2020-01-01T00:00:00Z' }, now)).toBe('accepted');
  });
});
