import { describe, expect, it } from 'vitest';
import { ClientOwners } from './client-owners';
import { ProtocolError } from './protocol';

describe('ClientOwners', () => {
  it('gives each client id to the first person who uses it, and refuses it to anyone else', () => {
    const owners = new ClientOwners();
    owners.claim('ana', [7, 8], 'client_id_not_owned');
    owners.claim('ana', [8], 'client_id_not_owned');
    expect(() => owners.claim('ben', [9, 8], 'client_id_not_owned')).toThrow(ProtocolError);
    // Nothing of a refused claim was kept: 9 is still free.
    owners.claim('carla', [9], 'client_id_not_owned');
  });

  it('refuses the ids the server writes under to everyone', () => {
    const owners = new ClientOwners(new Set([0]));
    expect(() => owners.claim('ana', [0], 'awareness_not_owned')).toThrow(/the server's own/);
    expect(() => owners.claim('ana', [5, 0], 'client_id_not_owned')).toThrow(ProtocolError);
    owners.claim('ana', [5], 'client_id_not_owned');
  });
});
