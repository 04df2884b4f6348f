import { describe, expect, it } from 'vitest';
import { MAX_STEP_MINUTES, MAX_STEPS, WORKSHOP_AGENDAS } from '../../shared/workshops/formats';
import { addStep, agendaOf, changeStep, removeStep, stepMinutes, totalMinutes } from './workshop-agenda';

describe('the agenda being prepared', () => {
  it('starts from a copy of the format’s agenda', () => {
    const agenda = agendaOf('after_action_review');
    expect(agenda).toEqual(WORKSHOP_AGENDAS.after_action_review);
    agenda[0]!.minutes = 99;
    expect(WORKSHOP_AGENDAS.after_action_review[0]!.minutes).not.toBe(99);
  });

  it('adds, changes and removes steps', () => {
    let agenda = agendaOf('trial_review');
    agenda = addStep(agenda, 'sharing');
    expect(agenda.at(-1)).toEqual({ method: 'sharing', minutes: 10 });
    agenda = changeStep(agenda, 0, { minutes: 3 });
    expect(agenda[0]).toEqual({ method: 'individual_writing', minutes: 3 });
    agenda = removeStep(agenda, 1);
    expect(agenda.map((s) => s.method)).toEqual(['individual_writing', 'clustering', 'dot_voting', 'discussion', 'synthesis', 'sharing']);
  });

  it('keeps at least one step and at most the maximum', () => {
    expect(removeStep([{ method: 'discussion', minutes: 5 }], 0)).toHaveLength(1);
    const full = Array.from({ length: MAX_STEPS }, () => ({ method: 'discussion' as const, minutes: 1 }));
    expect(addStep(full)).toHaveLength(MAX_STEPS);
  });

  it('keeps minutes within the limits', () => {
    expect(stepMinutes(0)).toBe(1);
    expect(stepMinutes(12.4)).toBe(12);
    expect(stepMinutes(10_000)).toBe(MAX_STEP_MINUTES);
    expect(stepMinutes(Number.NaN)).toBeNull();
  });

  it('adds up the time', () => {
    expect(totalMinutes(agendaOf('after_action_review'))).toBe(60);
  });
});
