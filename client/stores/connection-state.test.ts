import { describe, expect, it } from 'vitest';
import { CloseCode } from '../../shared/protocol';
import {
  INITIAL_CONNECTION_STATE,
  nextConnectionState,
  stopReasonFor,
  type ConnectionEvent,
  type ConnectionState,
} from './connection-state';

const run = (events: ConnectionEvent[], from: ConnectionState = INITIAL_CONNECTION_STATE) =>
  events.reduce(nextConnectionState, from);

describe('nextConnectionState', () => {
  it('starts connecting and is connected once synced', () => {
    expect(INITIAL_CONNECTION_STATE.status).toBe('connecting');
    expect(run([{ type: 'synced' }]).status).toBe('connected');
  });

  it('is offline once a connection closes, and after the very first attempt fails', () => {
    expect(run([{ type: 'synced' }, { type: 'closed', code: 1006 }]).status).toBe('offline');
    expect(run([{ type: 'closed', code: 1006 }]).status).toBe('offline');
  });

  it('says connecting when the network comes back, unless the server stopped the session', () => {
    expect(run([{ type: 'closed', code: 1006 }, { type: 'network-back' }]).status).toBe('connecting');
    expect(run([{ type: 'closed', code: CloseCode.notFound }, { type: 'network-back' }]).status).toBe('offline');
    expect(run([{ type: 'synced' }, { type: 'network-back' }]).status).toBe('connected');
  });

  it('counts local changes only while not connected, and clears them on sync', () => {
    const offline = run([{ type: 'synced' }, { type: 'local-change' }, { type: 'closed', code: 1006 }, { type: 'local-change' }, { type: 'local-change' }]);
    expect(offline.unsynced).toBe(2);
    expect(run([{ type: 'network-back' }, { type: 'local-change' }], offline).unsynced).toBe(3);
    expect(run([{ type: 'synced' }], offline)).toMatchObject({ status: 'connected', unsynced: 0 });
  });

  it('remembers why the server stopped the session', () => {
    expect(run([{ type: 'closed', code: CloseCode.notFound }]).stoppedBy).toBe('not_found');
    expect(run([{ type: 'closed', code: CloseCode.documentTooLarge }, { type: 'closed', code: null }]).stoppedBy).toBe('too_large');
  });
});

describe('stopReasonFor', () => {
  it.each([
    [CloseCode.notFound, 'not_found'],
    [CloseCode.documentTooLarge, 'too_large'],
    [CloseCode.unauthenticated, 'unauthenticated'],
    [CloseCode.forbidden, 'forbidden'],
    [CloseCode.goingAway, null],
    [CloseCode.timeout, null],
    [CloseCode.slowConsumer, null],
    [CloseCode.badFrame, null],
    [CloseCode.internalError, null],
    [1006, null],
  ])('close code %i → %s', (code, reason) => {
    expect(stopReasonFor(code)).toBe(reason);
  });
});
