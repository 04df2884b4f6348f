import {
  MAX_STEP_MINUTES,
  MAX_STEPS,
  WORKSHOP_AGENDAS,
  type WorkshopFormat,
  type WorkshopMethod,
  type WorkshopStep,
} from '../../shared/workshops/formats';

/**
 * The agenda a facilitator edits before creating a workshop: pure changes
 * to a list of steps, each within the limits the server checks.
 */
export type Agenda = readonly WorkshopStep[];

/** A fresh copy of a format's agenda, to edit. */
export function agendaOf(format: WorkshopFormat): WorkshopStep[] {
  return WORKSHOP_AGENDAS[format].map((step) => ({ ...step }));
}

/** A step after the last, discussion by default; the agenda stays as it is when full. */
export function addStep(agenda: Agenda, method: WorkshopMethod = 'discussion'): WorkshopStep[] {
  return agenda.length >= MAX_STEPS ? [...agenda] : [...agenda, { method, minutes: 10 }];
}

/** Every agenda keeps at least one step. */
export function removeStep(agenda: Agenda, index: number): WorkshopStep[] {
  return agenda.length <= 1 ? [...agenda] : agenda.filter((_, i) => i !== index);
}

export function changeStep(agenda: Agenda, index: number, change: Partial<WorkshopStep>): WorkshopStep[] {
  return agenda.map((step, i) => (i === index ? { ...step, ...change } : step));
}

/** Minutes typed into a field, within 1…MAX_STEP_MINUTES; null when not a number. */
export function stepMinutes(raw: number): number | null {
  if (!Number.isFinite(raw)) return null;
  return Math.min(MAX_STEP_MINUTES, Math.max(1, Math.round(raw)));
}

export function totalMinutes(agenda: Agenda): number {
  return agenda.reduce((sum, step) => sum + step.minutes, 0);
}
