import { describe, expect, it } from 'vitest';
import { DOCUMENT_STATUSES, STATUS_TRANSITIONS } from '../../shared/knowledge/kinds';
import { ROLES } from '../../shared/roles';
import { en } from '../i18n/en';
import { moveLabel, statusMoves } from './status-moves';

const targets = (...args: Parameters<typeof statusMoves>) => statusMoves(...args).map((move) => move.to);

describe('the status moves a role may make', () => {
  it('lets editors send a draft to review and take it back, nothing more', () => {
    expect(targets('editor', 'draft')).toEqual(['in_review']);
    expect(targets('editor', 'in_review')).toEqual(['draft']);
    expect(targets('editor', 'validated')).toEqual([]);
    expect(targets('editor', 'published')).toEqual([]);
  });

  it('lets facilitators and owners validate, publish and send back a step, forward moves first', () => {
    for (const role of ['facilitator', 'owner'] as const) {
      expect(targets(role, 'draft')).toEqual(['in_review']);
      expect(targets(role, 'in_review')).toEqual(['validated', 'draft']);
      expect(targets(role, 'validated')).toEqual(['published', 'in_review']);
      expect(targets(role, 'published')).toEqual(['validated']);
    }
  });

  it('gives commenters and viewers no move', () => {
    for (const role of ['commenter', 'viewer'] as const) {
      for (const status of DOCUMENT_STATUSES) expect(statusMoves(role, status)).toEqual([]);
    }
  });

  it('says which moves go forward', () => {
    expect(statusMoves('owner', 'validated')).toEqual([
      { to: 'published', forward: true, label: 'knowledge.move.validated.published' },
      { to: 'in_review', forward: false, label: 'knowledge.move.validated.in_review' },
    ]);
  });

  it('offers only moves the transition table has, for every role', () => {
    for (const role of ROLES) {
      for (const from of DOCUMENT_STATUSES) {
        for (const move of statusMoves(role, from)) {
          expect(STATUS_TRANSITIONS.some((t) => t.from === from && t.to === move.to)).toBe(true);
        }
      }
    }
  });

  it('has a label for every move in the transition table', () => {
    for (const { from, to } of STATUS_TRANSITIONS) expect(Object.keys(en)).toContain(moveLabel(from, to));
  });
});
