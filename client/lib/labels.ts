import { LABEL_MAX_LENGTH, LABELS_MAX } from '../../shared/api';

/** What ends a label as it is typed: a comma, another script's comma, or a semicolon. */
const SEPARATOR = /[,，、;]/;
const LAST_SEPARATOR = new RegExp(`^([\\s\\S]*)${SEPARATOR.source}([\\s\\S]*)$`);

/** "water, seeds ," → ["water", "seeds"]: what a person typed or pasted into a themes or tags field. */
export function splitLabels(text: string): string[] {
  return text
    .split(SEPARATOR)
    .map((label) => label.trim().slice(0, LABEL_MAX_LENGTH).trim())
    .filter((label) => label !== '');
}

/**
 * The labels after adding what was typed: one already there in other
 * letter case is not added again, and there are never more than the server takes.
 */
export function addLabels(current: readonly string[], typed: string): string[] {
  const labels = [...current];
  const seen = new Set(current.map((label) => label.toLocaleLowerCase()));
  for (const label of splitLabels(typed)) {
    if (labels.length >= LABELS_MAX) break;
    const key = label.toLocaleLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    labels.push(label);
  }
  return labels;
}

/**
 * Typed text cut at its last separator: `done` holds the labels ended by a
 * comma, `rest` what is still being typed. Phone keyboards often type a
 * comma without a key event saying so, so the field reads its own text.
 */
export function separateTyped(text: string): { done: string; rest: string } {
  // Greedy: the first group runs up to the last separator.
  const match = LAST_SEPARATOR.exec(text);
  return match ? { done: match[1] ?? '', rest: match[2] ?? '' } : { done: '', rest: text };
}
