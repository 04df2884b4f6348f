import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { afterEach, describe, expect, it } from 'vitest';
import * as awarenessProtocol from 'y-protocols/awareness';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { MessageType } from '../../shared/protocol';
import { sendOwnPresenceOnly } from './own-presence';

/** A socket that opens at once and keeps what the provider sends; `receive` plays a frame from the server. */
class RecordingSocket {
  static readonly OPEN = 1;
  static last: RecordingSocket | null = null;
  readonly OPEN = 1;
  readyState = 1;
  binaryType = 'arraybuffer';
  sent: Uint8Array[] = [];
  onopen: (() => void) | null = null;
  onmessage: ((event: { data: ArrayBuffer }) => void) | null = null;
  onclose: (() => void) | null = null;
  onerror: (() => void) | null = null;

  constructor() {
    RecordingSocket.last = this;
    queueMicrotask(() => this.onopen?.());
  }

  send(data: Uint8Array) {
    this.sent.push(data);
  }

  close() {
    this.readyState = 3;
  }

  receive(frame: Uint8Array) {
    this.onmessage?.({ data: frame.slice().buffer });
  }

  /** The client ids of the awareness entries sent so far. */
  awarenessSent(): number[] {
    return this.sent.flatMap((frame) => {
      const decoder = decoding.createDecoder(frame);
      if (decoding.readVarUint(decoder) !== MessageType.awareness) return [];
      const reader = new awarenessProtocol.Awareness(new Y.Doc());
      awarenessProtocol.applyAwarenessUpdate(reader, decoding.readVarUint8Array(decoder), null);
      const ids = [...reader.meta.keys()].filter((id) => id !== reader.clientID);
      reader.destroy();
      return ids;
    });
  }
}

const providers: WebsocketProvider[] = [];
afterEach(() => {
  for (const provider of providers.splice(0)) provider.destroy();
});

async function openProvider(patched: boolean) {
  const provider = new WebsocketProvider('ws://127.0.0.1:9/collab', 'doc', new Y.Doc(), {
    WebSocketPolyfill: RecordingSocket as unknown as typeof WebSocket,
    disableBc: true,
  });
  providers.push(provider);
  if (patched) sendOwnPresenceOnly(provider);
  await new Promise((resolve) => setTimeout(resolve, 0));
  const socket = RecordingSocket.last!;
  socket.sent = [];
  return { provider, socket };
}

/** An awareness frame from the server announcing someone else. */
function someoneElse(clock: number) {
  const other = new awarenessProtocol.Awareness(new Y.Doc());
  other.setLocalState({ user: { name: 'Carlos' } });
  for (let i = 1; i < clock; i++) other.setLocalState(other.getLocalState());
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.awareness);
  encoding.writeVarUint8Array(encoder, awarenessProtocol.encodeAwarenessUpdate(other, [other.clientID]));
  const id = other.clientID;
  other.destroy();
  return { id, frame: encoding.toUint8Array(encoder) };
}

describe('own presence only', () => {
  it('sends back no one else’s presence, as the stock provider does', async () => {
    const stock = await openProvider(false);
    const carlos = someoneElse(1);
    stock.socket.receive(carlos.frame);
    // The behaviour this guards against: the stock provider echoes the entry it received.
    expect(stock.socket.awarenessSent()).toContain(carlos.id);

    const patched = await openProvider(true);
    patched.socket.receive(carlos.frame);
    expect(patched.provider.awareness.getStates().has(carlos.id)).toBe(true);
    expect(patched.socket.awarenessSent()).toEqual([]);
  });

  it('keeps its conclusion that someone left to itself', async () => {
    const { provider, socket } = await openProvider(true);
    const carlos = someoneElse(2);
    socket.receive(carlos.frame);
    awarenessProtocol.removeAwarenessStates(provider.awareness, [carlos.id], 'timeout');
    expect(provider.awareness.getStates().has(carlos.id)).toBe(false);
    expect(socket.awarenessSent()).toEqual([]);
  });

  it('still sends this tab’s own presence, and its leaving', async () => {
    const { provider, socket } = await openProvider(true);
    provider.awareness.setLocalStateField('user', { name: 'Awa' });
    expect(socket.awarenessSent()).toEqual([provider.awareness.clientID]);
    provider.awareness.setLocalState(null);
    expect(socket.awarenessSent()).toEqual([provider.awareness.clientID, provider.awareness.clientID]);
  });
});
