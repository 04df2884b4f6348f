import { describe, expect, it } from 'vitest';
import { MENTIONS_MAX } from '../../shared/api';
import { findMentionQuery, matchMembers, MAX_MENTION_MATCHES, mentionedIds, mentionText, type MentionCandidate } from './mentions';

const awaDiallo: MentionCandidate = { id: 'u1', name: 'Awa Diallo', organisationName: 'Enda Santé' };
const awaNdiaye: MentionCandidate = { id: 'u2', name: 'Awa Ndiaye', organisationName: 'GIZ' };
const eloise: MentionCandidate = { id: 'u3', name: 'Éloïse Martin', organisationName: 'Agence française de développement' };
const ana: MentionCandidate = { id: 'u4', name: 'Ana', organisationName: 'AECID' };
const anaMaria: MentionCandidate = { id: 'u5', name: 'Ana María López', organisationName: 'AECID' };
const members = [awaDiallo, awaNdiaye, eloise, ana, anaMaria];

const ids = (found: readonly MentionCandidate[]) => found.map((member) => member.id);

describe('findMentionQuery', () => {
  it('finds the @ and what follows it up to the caret', () => {
    expect(findMentionQuery('Thanks @Aw')).toEqual({ start: 7, query: 'Aw' });
    expect(findMentionQuery('@')).toEqual({ start: 0, query: '' });
    expect(findMentionQuery('See (@elo')).toEqual({ start: 5, query: 'elo' });
  });

  it('goes on over the spaces inside a name', () => {
    expect(findMentionQuery('cc @Awa Nd')).toEqual({ start: 3, query: 'Awa Nd' });
  });

  it('is not in an email address, after a space, on another line or far from the @', () => {
    expect(findMentionQuery('write to awa@enda')).toBeNull();
    expect(findMentionQuery('@Awa ')).toBeNull();
    expect(findMentionQuery('@ Awa')).toBeNull();
    expect(findMentionQuery('@Awa\nthe next line')).toBeNull();
    expect(findMentionQuery('@Awa said this was fine')).toBeNull();
    expect(findMentionQuery(`@${'a'.repeat(41)}`)).toBeNull();
    expect(findMentionQuery('no mention here')).toBeNull();
  });

  it('takes the last @ before the caret', () => {
    expect(findMentionQuery('@Awa Diallo and @An')).toEqual({ start: 16, query: 'An' });
  });
});

describe('matchMembers', () => {
  it('ignores case and accents, in names and organisations', () => {
    expect(ids(matchMembers(members, 'eloise'))).toEqual(['u3']);
    expect(ids(matchMembers(members, 'ÉLO'))).toEqual(['u3']);
    expect(ids(matchMembers(members, 'sante'))).toEqual(['u1']);
    expect(ids(matchMembers(members, 'giz'))).toEqual(['u2']);
    expect(ids(matchMembers(members, 'maria'))).toEqual(['u5']);
  });

  it('finds everyone sharing a first name, and tells them apart by the next word', () => {
    expect(ids(matchMembers(members, 'awa'))).toEqual(['u1', 'u2']);
    expect(ids(matchMembers(members, 'Awa N'))).toEqual(['u2']);
    expect(ids(matchMembers(members, 'awa enda'))).toEqual(['u1']);
  });

  it('matches the beginnings of words only', () => {
    expect(ids(matchMembers(members, 'iallo'))).toEqual([]);
    expect(ids(matchMembers(members, 'dia'))).toEqual(['u1']);
  });

  it('finds a name that begins another', () => {
    expect(ids(matchMembers(members, 'Ana'))).toEqual(['u4', 'u5']);
  });

  it('finds everyone for the empty query, up to the limit', () => {
    expect(ids(matchMembers(members, ''))).toEqual(ids(members));
    const many = Array.from({ length: 20 }, (_, i) => ({ id: `m${i}`, name: `Member ${i}`, organisationName: '' }));
    expect(matchMembers(many, '')).toHaveLength(MAX_MENTION_MATCHES);
  });

  it('does not find someone again once their whole name is followed by more words', () => {
    expect(matchMembers(members, 'Awa Diallo sa')).toEqual([]);
    expect(matchMembers(members, 'Awa Diallo G')).toEqual([]);
    expect(matchMembers(members, 'ana maria')).toEqual([anaMaria]);
  });
});

describe('mentionText', () => {
  it('is the whole name after the @, then a space', () => {
    expect(mentionText(eloise)).toBe('@Éloïse Martin ');
  });
});

describe('mentionedIds', () => {
  it('finds names with accents, written as picked', () => {
    expect(mentionedIds('Merci @Éloïse Martin !', members)).toEqual(['u3']);
    expect(mentionedIds('Merci @Eloise Martin', members)).toEqual([]);
  });

  it('tells apart members with the same first name', () => {
    expect(mentionedIds('@Awa Ndiaye, can you check?', members)).toEqual(['u2']);
    expect(mentionedIds('@Awa Diallo and @Awa Ndiaye', members)).toEqual(['u1', 'u2']);
    expect(mentionedIds('@Awa what do you think?', members)).toEqual([]);
  });

  it('prefers the longest name, and still finds the shorter one on its own', () => {
    expect(mentionedIds('@Ana María López agrees', members)).toEqual(['u5']);
    expect(mentionedIds('@Ana María López and @Ana', members)).toEqual(['u5', 'u4']);
    expect(mentionedIds('@Ana Maria is someone else', members)).toEqual(['u4']);
  });

  it('needs the name to end where a word ends, and the @ to begin one', () => {
    expect(mentionedIds('@Anabel', members)).toEqual([]);
    expect(mentionedIds('(@Ana)', members)).toEqual(['u4']);
    expect(mentionedIds('mail ana@Ana', members)).toEqual([]);
  });

  it('ignores case, lists each member once, and drops a mention deleted from the text', () => {
    expect(mentionedIds('@awa diallo @Awa Diallo', members)).toEqual(['u1']);
    const before = '@Awa Diallo and @Éloïse Martin';
    expect(mentionedIds(before, members)).toEqual(['u1', 'u3']);
    expect(mentionedIds(before.replace('@Awa Diallo', 'Awa'), members)).toEqual(['u3']);
  });

  it('mentions both members who share a whole name', () => {
    const twin = { ...awaDiallo, id: 'u9', organisationName: 'UNICEF' };
    expect(mentionedIds('@Awa Diallo', [awaDiallo, twin])).toEqual(['u1', 'u9']);
  });

  it('stops at the number of mentions the server takes', () => {
    const many = Array.from({ length: MENTIONS_MAX + 5 }, (_, i) => ({ id: `m${i}`, name: `Member ${i}`, organisationName: '' }));
    const text = many.map((member) => mentionText(member)).join('');
    expect(mentionedIds(text, many)).toHaveLength(MENTIONS_MAX);
  });
});
