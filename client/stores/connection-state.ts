import { CloseCode } from '../../shared/protocol';

export type ConnectionStatus = 'connected' | 'connecting' | 'offline';

/** Why the server ended the session for good: reconnecting would only get the same answer. */
export type StopReason = 'not_found' | 'too_large' | 'unauthenticated' | 'forbidden';

export interface ConnectionState {
  status: ConnectionStatus;
  /** Local changes made while the server could not receive them. */
  unsynced: number;
  stoppedBy: StopReason | null;
}

export type ConnectionEvent =
  /** The device has a network again and a new attempt is under way. */
  | { type: 'network-back' }
  /** The server and this client have exchanged what each was missing. */
  | { type: 'synced' }
  /** `code` is null when the client closed the socket itself. */
  | { type: 'closed'; code: number | null }
  | { type: 'local-change' };

export const INITIAL_CONNECTION_STATE: ConnectionState = { status: 'connecting', unsynced: 0, stoppedBy: null };

export function stopReasonFor(closeCode: number): StopReason | null {
  if (closeCode === CloseCode.notFound) return 'not_found';
  // Logged out (elsewhere, or the password changed): only logging in again helps.
  if (closeCode === CloseCode.unauthenticated) return 'unauthenticated';
  // Removed from the project while connected.
  if (closeCode === CloseCode.forbidden) return 'forbidden';
  // Reconnecting would send the same oversized state and be closed again.
  if (closeCode === CloseCode.documentTooLarge) return 'too_large';
  return null;
}

/**
 * "Connected" means synced, not merely open: until the server has our
 * missing changes, saying so would be a promise we cannot keep. Once a
 * connection is lost the status stays offline through the background
 * reconnection attempts, so a flaky link does not make the badge flicker;
 * it says connecting again when the device reports a network.
 */
export function nextConnectionState(state: ConnectionState, event: ConnectionEvent): ConnectionState {
  switch (event.type) {
    case 'network-back':
      return state.status === 'offline' && state.stoppedBy === null ? { ...state, status: 'connecting' } : state;
    case 'synced':
      return { ...state, status: 'connected', unsynced: 0 };
    case 'closed':
      return {
        ...state,
        status: 'offline',
        stoppedBy: (event.code === null ? null : stopReasonFor(event.code)) ?? state.stoppedBy,
      };
    case 'local-change':
      return state.status === 'connected' ? state : { ...state, unsynced: state.unsynced + 1 };
  }
}
