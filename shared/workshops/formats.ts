/**
 * Joint learning workshops: the methods a step can use, and the ready-made
 * formats a facilitator starts from. Column and step names are keys: each
 * reader sees them in their own language.
 */
export const WORKSHOP_METHODS = ['individual_writing', 'sharing', 'clustering', 'dot_voting', 'discussion', 'synthesis'] as const;
export type WorkshopMethod = (typeof WORKSHOP_METHODS)[number];

export const WORKSHOP_FORMATS = ['after_action_review', 'capitalisation', 'trial_review'] as const;
export type WorkshopFormat = (typeof WORKSHOP_FORMATS)[number];

export interface WorkshopStep {
  method: WorkshopMethod;
  /** The timebox, in minutes. */
  minutes: number;
}

export const WORKSHOP_COLUMNS = {
  // What was planned, what happened, why, what we will do differently.
  after_action_review: ['planned', 'happened', 'why', 'differently'],
  capitalisation: ['context', 'actions', 'results', 'lessons', 'recommendations'],
  trial_review: ['tried', 'happened', 'learned', 'next'],
} as const satisfies Record<WorkshopFormat, readonly string[]>;

export type WorkshopColumn = (typeof WORKSHOP_COLUMNS)[WorkshopFormat][number];

/** Every column key of every format, for validation. */
export const ALL_WORKSHOP_COLUMNS: readonly WorkshopColumn[] = [...new Set(Object.values(WORKSHOP_COLUMNS).flat())];

const REFLECTION: WorkshopStep[] = [
  { method: 'individual_writing', minutes: 8 },
  { method: 'sharing', minutes: 12 },
  { method: 'clustering', minutes: 10 },
  { method: 'dot_voting', minutes: 5 },
  { method: 'discussion', minutes: 15 },
  { method: 'synthesis', minutes: 10 },
];

export const WORKSHOP_AGENDAS: Record<WorkshopFormat, readonly WorkshopStep[]> = {
  after_action_review: REFLECTION,
  capitalisation: [{ method: 'individual_writing', minutes: 15 }, ...REFLECTION.slice(1).map((step) => ({ ...step, minutes: step.minutes * 2 }))],
  trial_review: REFLECTION,
};

/** Dots each participant may place, by default. */
export const DEFAULT_VOTE_BUDGET = 5;
export const MAX_VOTE_BUDGET = 20;
export const MAX_STEPS = 20;
export const MAX_STEP_MINUTES = 240;
export const NOTE_MAX_LENGTH = 500;
export const CLUSTER_TITLE_MAX_LENGTH = 120;
/** Notes one workshop may hold: a room of sixty writing for an hour stays far below. */
export const MAX_NOTES = 2000;
