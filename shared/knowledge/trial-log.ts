import * as Y from 'yjs';
import { TRIAL_OUTCOMES, YDOC_TRIAL_ENTRIES, type TrialOutcome } from './kinds';

/**
 * A trial-and-error log as it lives in a document's Y.Doc: the root map
 * YDOC_TRIAL_ENTRIES holds entry id → Y.Map of the entry. The client edits
 * it, the server reads an entry to promote it; both go through these
 * functions. The map arrives from other people's devices, so reading
 * tolerates anything: a field of the wrong type reads as empty, a value
 * that is not an entry at all is skipped.
 */

/** The free-text fields, in the order a form asks for them. Each is a Y.Text, so two people typing in one field merge. */
export const TRIAL_TEXT_FIELDS = ['tried', 'hypothesis', 'conditions', 'happened', 'learned', 'next', 'participants'] as const;
export type TrialTextField = (typeof TRIAL_TEXT_FIELDS)[number];

/**
 * The plain fields, each replaced whole (last writer wins): `date`
 * ('YYYY-MM-DD' or ''), `outcome` (a TrialOutcome or ''), `order` (a
 * fractional position) and `createdAt` (ms since the epoch).
 */
export const TRIAL_VALUE_FIELDS = ['date', 'outcome', 'order', 'createdAt'] as const;

/** One entry as plain values, read at one moment. */
export type TrialEntry = {
  readonly id: string;
  readonly date: string;
  readonly outcome: TrialOutcome | '';
  /** Where the entry sits: lists are sorted by order, then by id. */
  readonly order: number;
  readonly createdAt: number;
} & { readonly [F in TrialTextField]: string };

/**
 * Below this gap between two neighbours' orders the list is renumbered.
 * Each insertion into the same gap halves it, so it takes about 30 of them.
 */
const MIN_ORDER_GAP = 1e-9;

/** 16 characters of 6 random bits: 96 bits, URL-safe. */
const ID_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const ID_LENGTH = 16;

/** The root map of entries; observe it (deeply) to hear of every change. */
export function trialEntries(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap<unknown>(YDOC_TRIAL_ENTRIES);
}

/** A real calendar day written 'YYYY-MM-DD', as `<input type="date">` gives it. */
export function isTrialDate(value: unknown): value is string {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const day = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(day.getTime()) && day.toISOString().slice(0, 10) === value;
}

/** The outcome `value` names, or '' (not set yet) for anything else. */
export function parseTrialOutcome(value: unknown): TrialOutcome | '' {
  return TRIAL_OUTCOMES.find((outcome) => outcome === value) ?? '';
}

/** All entries, in the log's order (by order, then by id, so every copy agrees). */
export function listTrialEntries(doc: Y.Doc): TrialEntry[] {
  const entries: TrialEntry[] = [];
  trialEntries(doc).forEach((value, id) => {
    const entry = snapshot(id, value);
    if (entry) entries.push(entry);
  });
  return entries.sort(compareEntries);
}

export function readTrialEntry(doc: Y.Doc, id: string): TrialEntry | null {
  return snapshot(id, trialEntries(doc).get(id));
}

/**
 * Adds an empty entry and returns its id. It goes after the entry `after`
 * names, first when `after` is null, and last when `after` is left out or
 * names an entry that is gone (someone may just have removed it).
 */
export function addTrialEntry(doc: Y.Doc, options: { after?: string | null; date?: string } = {}): string {
  const date = options.date ?? '';
  assertDate(date);
  const id = newEntryId();
  doc.transact(() => {
    const list = listTrialEntries(doc);
    const afterIndex = options.after == null ? -1 : list.findIndex((entry) => entry.id === options.after);
    const index = options.after === null ? 0 : afterIndex < 0 ? list.length : afterIndex + 1;
    const order = orderAt(doc, list, index);
    trialEntries(doc).set(id, entryMap({ date, outcome: '', order, createdAt: Date.now() }));
  });
  return id;
}

/**
 * Moves an entry so that it ends at `toIndex` in `listTrialEntries` (clamped
 * to the list). Only its order changes, so a concurrent move of the same
 * entry leaves it in one place, never two. False when the entry is gone.
 */
export function moveTrialEntry(doc: Y.Doc, id: string, toIndex: number): boolean {
  if (!Number.isInteger(toIndex)) throw new RangeError(`toIndex must be an integer, not ${toIndex}`);
  return doc.transact(() => {
    const list = listTrialEntries(doc);
    const from = list.findIndex((entry) => entry.id === id);
    const map = entryMapOf(doc, id);
    if (from < 0 || !map) return false;
    const others = list.filter((entry) => entry.id !== id);
    const to = Math.min(Math.max(toIndex, 0), others.length);
    if (to !== from) map.set('order', orderAt(doc, others, to));
    return true;
  });
}

/** Removes an entry and returns what it held, for `restoreTrialEntry`; null when it was already gone. */
export function removeTrialEntry(doc: Y.Doc, id: string): TrialEntry | null {
  return doc.transact(() => {
    const removed = readTrialEntry(doc, id);
    if (removed) trialEntries(doc).delete(id);
    return removed;
  });
}

/**
 * Puts back a removed entry, with its id, place and content, to undo a
 * removal. False when an entry with that id exists again (someone else
 * restored it first).
 */
export function restoreTrialEntry(doc: Y.Doc, entry: TrialEntry): boolean {
  assertDate(entry.date);
  assertOutcome(entry.outcome);
  return doc.transact(() => {
    if (trialEntries(doc).has(entry.id)) return false;
    trialEntries(doc).set(entry.id, entryMap(entry));
    return true;
  });
}

/** Sets how the trial turned out ('' for not yet known). False when the entry is gone. */
export function setTrialOutcome(doc: Y.Doc, id: string, outcome: TrialOutcome | ''): boolean {
  assertOutcome(outcome);
  return setValue(doc, id, 'outcome', outcome);
}

/** Sets the day of the trial ('YYYY-MM-DD', or '' for none). False when the entry is gone. */
export function setTrialDate(doc: Y.Doc, id: string, date: string): boolean {
  assertDate(date);
  return setValue(doc, id, 'date', date);
}

/** The shared text of one field, to bind an input to; null when the entry is gone or the field is not a text. */
export function trialText(doc: Y.Doc, id: string, field: TrialTextField): Y.Text | null {
  if (!(TRIAL_TEXT_FIELDS as readonly string[]).includes(field)) return null;
  const text = entryMapOf(doc, id)?.get(field);
  return text instanceof Y.Text ? text : null;
}

/** One month of a timeline: 'YYYY-MM', or '' for the entries without a date. */
export interface TrialMonth {
  readonly month: string;
  readonly entries: readonly TrialEntry[];
}

/**
 * `entries` by date, oldest first, grouped by month. Entries of the same day
 * keep the order they were given in; those without a date come last.
 */
export function trialTimeline(entries: readonly TrialEntry[]): TrialMonth[] {
  const byDate = entries.filter((entry) => entry.date !== '').sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const months: Array<{ month: string; entries: TrialEntry[] }> = [];
  for (const entry of byDate) {
    const month = entry.date.slice(0, 7);
    const last = months[months.length - 1];
    if (last?.month === month) last.entries.push(entry);
    else months.push({ month, entries: [entry] });
  }
  const undated = entries.filter((entry) => entry.date === '');
  if (undated.length > 0) months.push({ month: '', entries: undated });
  return months;
}

function snapshot(id: string, value: unknown): TrialEntry | null {
  if (!(value instanceof Y.Map)) return null;
  const map = value as Y.Map<unknown>;
  const date = map.get('date');
  const order = map.get('order');
  const createdAt = map.get('createdAt');
  const texts = Object.fromEntries(
    TRIAL_TEXT_FIELDS.map((field) => {
      const text = map.get(field);
      return [field, text instanceof Y.Text ? text.toString() : ''];
    }),
  ) as Record<TrialTextField, string>;
  return {
    id,
    date: isTrialDate(date) ? date : '',
    outcome: parseTrialOutcome(map.get('outcome')),
    // An entry without a usable order still shows (first); moving it gives it one.
    order: isFiniteNumber(order) ? order : 0,
    createdAt: isFiniteNumber(createdAt) ? createdAt : 0,
    ...texts,
  };
}

function compareEntries(a: TrialEntry, b: TrialEntry): number {
  if (a.order !== b.order) return a.order < b.order ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/**
 * The order for a new place at `index` among `list` (sorted, without the
 * entry being placed): halfway between the neighbours. When they are too
 * close, renumbers `list` 0, 1, 2… leaving `index` free. That rewrites many
 * entries' order at once, but only orders: if two people renumber at the
 * same time, each entry still holds one order (the last written), so at
 * worst the order is one neither meant, and no entry is lost or doubled.
 * Call inside a transaction.
 */
function orderAt(doc: Y.Doc, list: readonly TrialEntry[], index: number): number {
  const before = list[index - 1]?.order;
  const after = list[index]?.order;
  if (before === undefined) return after === undefined ? 0 : after - 1;
  if (after === undefined) return before + 1;
  const middle = before / 2 + after / 2;
  if (after - before >= MIN_ORDER_GAP && middle > before && middle < after) return middle;
  list.forEach((entry, position) => {
    const order = position < index ? position : position + 1;
    if (entry.order !== order) entryMapOf(doc, entry.id)?.set('order', order);
  });
  return index;
}

function entryMap(values: Omit<TrialEntry, 'id' | TrialTextField> & Partial<Record<TrialTextField, string>>): Y.Map<unknown> {
  const map = new Y.Map<unknown>();
  for (const field of TRIAL_VALUE_FIELDS) map.set(field, values[field]);
  for (const field of TRIAL_TEXT_FIELDS) map.set(field, new Y.Text(values[field] ?? ''));
  return map;
}

function entryMapOf(doc: Y.Doc, id: string): Y.Map<unknown> | null {
  const value = trialEntries(doc).get(id);
  return value instanceof Y.Map ? (value as Y.Map<unknown>) : null;
}

/** Writes one plain field, and nothing when it already holds the value (no update to send). */
function setValue(doc: Y.Doc, id: string, field: 'date' | 'outcome', value: string): boolean {
  return doc.transact(() => {
    const map = entryMapOf(doc, id);
    if (!map) return false;
    if (map.get(field) !== value) map.set(field, value);
    return true;
  });
}

function newEntryId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(ID_LENGTH));
  return Array.from(bytes, (byte) => ID_ALPHABET[byte & 63]).join('');
}

function isFiniteNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

function assertDate(date: string): void {
  if (date !== '' && !isTrialDate(date)) throw new RangeError(`a trial's date is 'YYYY-MM-DD' or '', not ${JSON.stringify(date)}`);
}

function assertOutcome(outcome: string): void {
  if (outcome !== '' && parseTrialOutcome(outcome) === '') throw new RangeError(`unknown trial outcome ${JSON.stringify(outcome)}`);
}
