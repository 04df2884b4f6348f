import { describe, expect, it } from 'vitest';
import { collabServerUrl } from './collab-url';

describe('collabServerUrl', () => {
  it('uses wss behind https and keeps the port', () => {
    expect(collabServerUrl({ protocol: 'https:', host: 'ensemble.example.org' })).toBe('wss://ensemble.example.org/collab/');
    expect(collabServerUrl({ protocol: 'http:', host: 'localhost:5173' })).toBe('ws://localhost:5173/collab/');
  });
});
