import { MENTIONS_MAX } from '../../shared/api';

/** A project member one can mention in a message. */
export type MentionCandidate = { id: string; name: string; organisationName: string };

/** Typing this opens the list of members to mention. */
export const MENTION_TRIGGER = '@';

/** Longer than any name one would type to find someone: past it, `@` was meant as text. */
const MENTION_QUERY_MAX_LENGTH = 40;
/** First name, last name, organisation: more words than that is a sentence, not a search. */
const MENTION_QUERY_MAX_WORDS = 3;
export const MAX_MENTION_MATCHES = 8;

export interface MentionQuery {
  /** Where the `@` is, as an offset into the text given. */
  start: number;
  /** What was typed after `@`, as typed. */
  query: string;
}

/** A letter, a digit or an accent: what continues a word, a name or an email address. */
const WORD_CHAR = /[\p{L}\p{M}\p{N}]/u;

/** Lower case without accents, so "eloise" finds "Éloïse". */
function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase();
}

function wordsOf(text: string): string[] {
  return fold(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word !== '');
}

/** Whether `@` at `index` starts a mention: at the start, or after anything but a word (not in "awa@example.org"). */
function triggerAt(text: string, index: number): boolean {
  return text[index] === MENTION_TRIGGER && (index === 0 || !WORD_CHAR.test(text[index - 1] ?? ''));
}

/**
 * The mention being typed at the end of `textBefore` (the text up to the
 * caret): the last `@` that starts a word, followed by up to three words on
 * one line. A space right before the caret closes it (the name is finished,
 * or a new sentence begins). Null when the caret is not in one.
 */
export function findMentionQuery(textBefore: string): MentionQuery | null {
  const start = textBefore.lastIndexOf(MENTION_TRIGGER);
  if (start < 0 || !triggerAt(textBefore, start)) return null;
  const query = textBefore.slice(start + MENTION_TRIGGER.length);
  if (query.length > MENTION_QUERY_MAX_LENGTH || /^\s|\s$|\n|@/.test(query)) return null;
  if (query.split(/\s+/).length > MENTION_QUERY_MAX_WORDS) return null;
  return { start, query };
}

/**
 * The members `query` finds, at most `MAX_MENTION_MATCHES`, in the order
 * given: each word typed must begin a word of the member's name or
 * organisation, ignoring case and accents. The empty query finds everyone.
 * A query that begins with someone's whole name and goes on is their
 * finished mention followed by more text: it does not find them again (it
 * may find a longer name, "Ana" then "Ana María").
 */
export function matchMembers(members: readonly MentionCandidate[], query: string): MentionCandidate[] {
  const typed = wordsOf(query);
  const folded = fold(query);
  return members
    .filter((member) => {
      if (folded.startsWith(`${fold(member.name)} `)) return false;
      const words = wordsOf(`${member.name} ${member.organisationName}`);
      return typed.every((wanted) => words.some((word) => word.startsWith(wanted)));
    })
    .slice(0, MAX_MENTION_MATCHES);
}

/** What picking someone puts in place of the `@query`: their whole name, then a space to type on. */
export function mentionText(member: MentionCandidate): string {
  return `${MENTION_TRIGGER}${member.name} `;
}

/**
 * The ids of the members whose `@Full Name` is in `text`, in order of first
 * appearance, at most `MENTIONS_MAX` (what the server takes). At each `@`
 * the longest name that fits wins, so "@Ana María" mentions Ana María and not
 * Ana; a name must end where a word ends ("@Ana Maríana" mentions nobody).
 * Case does not matter, accents do: picking from the list writes the name
 * exactly. Two members with the same whole name are both mentioned.
 */
export function mentionedIds(text: string, members: readonly MentionCandidate[]): string[] {
  const byLength = [...members].filter((member) => member.name.trim() !== '').sort((a, b) => b.name.length - a.name.length);
  const ids: string[] = [];
  for (let index = text.indexOf(MENTION_TRIGGER); index >= 0; index = text.indexOf(MENTION_TRIGGER, index + 1)) {
    if (!triggerAt(text, index)) continue;
    let matchedLength = 0;
    for (const member of byLength) {
      if (member.name.length < matchedLength) break;
      const end = index + 1 + member.name.length;
      const fits =
        text.slice(index + 1, end).toLocaleLowerCase() === member.name.toLocaleLowerCase() &&
        !WORD_CHAR.test(text[end] ?? '');
      if (!fits) continue;
      matchedLength = member.name.length;
      if (!ids.includes(member.id)) ids.push(member.id);
    }
  }
  return ids.slice(0, MENTIONS_MAX);
}
