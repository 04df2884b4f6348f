import { describe, expect, it } from 'vitest';
import { createInProcessFanOut } from '../../server/storage/fan-out';
import { startTestServer } from '../helpers/server';
import { waitFor } from '../helpers/wait-for';
import { connectClient } from '../helpers/yjs-client';

describe('fan-out between server instances', () => {
  it('lets clients of two instances sharing storage and a fan-out edit one document together', async () => {
    const fanOut = createInProcessFanOut();
    const first = await startTestServer({}, { fanOut });
    const second = await startTestServer({ DATA_DIR: first.dataDir }, { fanOut });
    const documentId = await first.createDocument();
    const onFirst = connectClient(first, documentId);
    const onSecond = connectClient({ wsUrl: second.wsUrl, cookie: first.cookie }, documentId);
    await Promise.all([onFirst.synced(), onSecond.synced()]);

    onFirst.text.insert(0, 'from the first instance. ');
    onSecond.text.insert(0, 'From the second instance, ');
    await waitFor(
      () => onFirst.text.length === onSecond.text.length && onFirst.text.length > 40,
      'both edits to reach both instances',
    );
    expect(onFirst.text.toString()).toBe(onSecond.text.toString());
    expect(onFirst.text.toString()).toContain('from the first instance.');
    expect(onFirst.text.toString()).toContain('From the second instance,');

    // Presence crosses instances too.
    onSecond.provider.awareness.setLocalStateField('user', { name: 'Across' });
    await waitFor(
      () => [...onFirst.provider.awareness.getStates().values()].some((s) => (s.user as { name?: string })?.name === 'Across'),
      'presence to cross instances',
    );
  });
});
