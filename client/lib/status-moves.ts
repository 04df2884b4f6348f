import { DOCUMENT_STATUSES, STATUS_TRANSITIONS, type DocumentStatus } from '../../shared/knowledge/kinds';
import { roleAllows, type Role } from '../../shared/roles';
import type { MessageKey } from '../i18n/en';

export interface StatusMove {
  to: DocumentStatus;
  /** Towards publication; a step back otherwise. */
  forward: boolean;
  /** Its button's label, "Send to review" or "Unpublish". */
  label: MessageKey;
}

/**
 * The moves of a document's status that `role` may make from `from`, forward
 * ones first: the step the document is waiting for leads.
 */
export function statusMoves(role: Role, from: DocumentStatus): StatusMove[] {
  const rank = (status: DocumentStatus) => DOCUMENT_STATUSES.indexOf(status);
  return STATUS_TRANSITIONS.filter((move) => move.from === from && roleAllows(role, move.action))
    .map((move) => ({ to: move.to, forward: rank(move.to) > rank(from), label: moveLabel(from, move.to) }))
    .sort((a, b) => Number(b.forward) - Number(a.forward));
}

/** Every move in STATUS_TRANSITIONS has a message of this name (the test checks it). */
export function moveLabel(from: DocumentStatus, to: DocumentStatus): MessageKey {
  return `knowledge.move.${from}.${to}` as MessageKey;
}
