import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { AuthMessageType, MessageType, SyncMessageType } from '../../shared/protocol';

/** A frame from a client, decoded but not yet trusted: update bytes are checked later. */
export type ClientMessage =
  | { type: 'sync-step1'; stateVector: Uint8Array }
  | { type: 'sync-step2'; update: Uint8Array }
  | { type: 'sync-update'; update: Uint8Array }
  | { type: 'awareness'; update: Uint8Array; entries: AwarenessEntry[] }
  | { type: 'query-awareness' };

/** One client's entry in an awareness update. */
export interface AwarenessEntry {
  clientId: number;
  clock: number;
  /** The state is null: the client says it left. */
  removed: boolean;
}

export type ProtocolErrorCode =
  | 'empty_frame'
  | 'unknown_message_type'
  | 'malformed_frame'
  | 'trailing_bytes'
  | 'awareness_not_owned'
  | 'client_id_not_owned'
  | 'nesting_too_deep'
  | 'invalid_update'
  | 'too_many_client_ids';

export class ProtocolError extends Error {
  override name = 'ProtocolError';
  constructor(
    readonly code: ProtocolErrorCode,
    message: string,
  ) {
    super(message);
  }
}

/**
 * Decodes one y-websocket frame. Unknown types, truncated payloads and
 * leftover bytes are errors: the stock client never sends them, so they are
 * either a bug or an attack, and in both cases the socket should close.
 */
export function decodeClientMessage(frame: Uint8Array): ClientMessage {
  if (frame.byteLength === 0) throw new ProtocolError('empty_frame', 'empty frame');
  const decoder = decoding.createDecoder(frame);
  let message: ClientMessage;
  try {
    const type = decoding.readVarUint(decoder);
    switch (type) {
      case MessageType.sync:
        message = readSync(decoder);
        break;
      case MessageType.awareness: {
        const update = decoding.readVarUint8Array(decoder);
        message = { type: 'awareness', update, entries: readAwarenessEntries(update) };
        break;
      }
      case MessageType.queryAwareness:
        message = { type: 'query-awareness' };
        break;
      default:
        throw new ProtocolError('unknown_message_type', `unknown message type ${type}`);
    }
  } catch (error) {
    if (error instanceof ProtocolError) throw error;
    throw new ProtocolError('malformed_frame', `frame does not decode: ${(error as Error).message}`);
  }
  if (decoding.hasContent(decoder)) {
    throw new ProtocolError('trailing_bytes', `${frame.byteLength - decoder.pos} bytes after the message`);
  }
  return message;
}

function readSync(decoder: decoding.Decoder): ClientMessage {
  const subtype = decoding.readVarUint(decoder);
  switch (subtype) {
    case SyncMessageType.step1:
      return { type: 'sync-step1', stateVector: decoding.readVarUint8Array(decoder) };
    case SyncMessageType.step2:
      return { type: 'sync-step2', update: decoding.readVarUint8Array(decoder) };
    case SyncMessageType.update:
      return { type: 'sync-update', update: decoding.readVarUint8Array(decoder) };
    default:
      throw new ProtocolError('unknown_message_type', `unknown sync message type ${subtype}`);
  }
}

/**
 * Checks a whole awareness update before any of it is applied: y-protocols
 * applies entries one by one, so a bad entry after a good one would leave
 * half an update behind.
 */
function readAwarenessEntries(update: Uint8Array): AwarenessEntry[] {
  const decoder = decoding.createDecoder(update);
  const count = decoding.readVarUint(decoder);
  const entries: AwarenessEntry[] = [];
  for (let i = 0; i < count; i++) {
    const clientId = decoding.readVarUint(decoder);
    const clock = decoding.readVarUint(decoder);
    entries.push({ clientId, clock, removed: JSON.parse(decoding.readVarString(decoder)) === null });
  }
  if (decoding.hasContent(decoder)) throw new Error('bytes after the awareness entries');
  return entries;
}

function frame(write: (encoder: encoding.Encoder) => void): Uint8Array {
  const encoder = encoding.createEncoder();
  write(encoder);
  return encoding.toUint8Array(encoder);
}

function encodeSync(subtype: number, payload: Uint8Array): Uint8Array {
  return frame((e) => {
    encoding.writeVarUint(e, MessageType.sync);
    encoding.writeVarUint(e, subtype);
    encoding.writeVarUint8Array(e, payload);
  });
}

export const encodeSyncStep1 = (stateVector: Uint8Array) => encodeSync(SyncMessageType.step1, stateVector);
export const encodeSyncStep2 = (update: Uint8Array) => encodeSync(SyncMessageType.step2, update);
export const encodeSyncUpdate = (update: Uint8Array) => encodeSync(SyncMessageType.update, update);

function encodeAuth(subtype: number, reason: string): Uint8Array {
  return frame((e) => {
    encoding.writeVarUint(e, MessageType.auth);
    encoding.writeVarUint(e, subtype);
    encoding.writeVarString(e, reason);
  });
}

/** y-protocols/auth permission-denied: the provider reports it and the client shows the document read-only. */
export const encodePermissionDenied = (reason: string) => encodeAuth(AuthMessageType.permissionDenied, reason);

/** Tells a connection whose role rose that it may edit now (the stock provider ignores it). */
export const encodePermissionGranted = () => encodeAuth(AuthMessageType.permissionGranted, 'editor');

export const encodeAwareness = (update: Uint8Array): Uint8Array =>
  frame((e) => {
    encoding.writeVarUint(e, MessageType.awareness);
    encoding.writeVarUint8Array(e, update);
  });
