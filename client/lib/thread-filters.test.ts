import { describe, expect, it } from 'vitest';
import type { Author, Thread } from '../../shared/annotations/discussion';
import { DEFAULT_THREAD_FILTERS, inTextOrder, matchesFilters, threadOrganisations, type ThreadFilters } from './thread-filters';

const author = (organisationId: string | null, organisationName: string): Author => ({
  userId: `usr_${organisationName}`,
  name: 'Someone',
  organisationId,
  organisationName,
  organisationColor: '#123456',
});

function thread(id: string, overrides: Partial<Thread> = {}, by = author('org_a', 'Agrisud')): Thread {
  return {
    id,
    kind: 'comment',
    anchor: { start: 'AA==', end: 'AA==' },
    quote: 'words',
    citation: null,
    suggestion: null,
    status: 'open',
    statusChange: null,
    createdAt: Number(id.replace(/\D/g, '')) || 0,
    messages: [{ id: `m${id}`, author: by, body: 'hi', mentions: [], createdAt: 0, editedAt: null, deleted: false }],
    ...overrides,
  };
}

const filter = (threads: Thread[], filters: Partial<ThreadFilters>) =>
  threads.filter((t) => matchesFilters(t, { ...DEFAULT_THREAD_FILTERS, ...filters })).map((t) => t.id);

describe('thread filters', () => {
  const threads = [
    thread('t1'),
    thread('t2', { status: 'resolved', kind: 'question' }),
    thread('t3', { status: 'accepted', kind: 'suggestion' }, author('org_b', 'Cirad')),
    thread('t4', { kind: 'evidence' }, author(null, 'Independent')),
  ];

  it('show the open threads by default', () => {
    expect(filter(threads, {})).toEqual(['t1', 't4']);
  });

  it('count every closed status as closed', () => {
    expect(filter(threads, { status: 'closed' })).toEqual(['t2', 't3']);
    expect(filter(threads, { status: 'all' })).toEqual(['t1', 't2', 't3', 't4']);
  });

  it('filter by kind and by the organisation of the thread’s author', () => {
    expect(filter(threads, { status: 'all', kind: 'question' })).toEqual(['t2']);
    expect(filter(threads, { status: 'all', organisation: 'org_b' })).toEqual(['t3']);
    expect(filter(threads, { status: 'all', organisation: 'name:Independent' })).toEqual(['t4']);
  });

  it('offer each organisation of the authors once, by name', () => {
    expect(threadOrganisations(threads, 'en').map((o) => o.key)).toEqual(['org_a', 'org_b', 'name:Independent']);
  });
});

describe('text order', () => {
  it('puts threads by where their words start, then those without a place, oldest first', () => {
    const starts: Record<string, number | null> = { t1: 40, t2: null, t3: 5, t4: null };
    const ordered = inTextOrder([thread('t4'), thread('t1'), thread('t2'), thread('t3')], (id) => starts[id] ?? null);
    expect(ordered.map((t) => t.id)).toEqual(['t3', 't1', 't2', 't4']);
  });
});
