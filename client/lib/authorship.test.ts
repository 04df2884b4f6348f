import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { AttributionResponse } from '../../shared/api/attribution';
import {
  authoredRuns,
  authorsOf,
  fragmentClientRuns,
  legendOf,
  personColor,
  PERSON_PALETTE,
  textClientRuns,
  tint,
  unknownClients,
  type ClientRun,
} from './authorship';

/** A document whose edits are made under the given client id, then merged into `into`. */
function editAs(into: Y.Doc, clientId: number, edit: (doc: Y.Doc) => void): void {
  const doc = new Y.Doc();
  doc.clientID = clientId;
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(into));
  edit(doc);
  Y.applyUpdate(into, Y.encodeStateAsUpdate(doc));
}

const textOf = (doc: Y.Doc) => (doc.getXmlFragment('default').get(0) as Y.XmlElement).get(0) as Y.XmlText;

/** A paragraph holding "Hello world", the template's. */
function templateDoc(): Y.Doc {
  const doc = new Y.Doc();
  editAs(doc, 0, (d) => {
    const paragraph = new Y.XmlElement('paragraph');
    paragraph.insert(0, [new Y.XmlText('Hello world')]);
    d.getXmlFragment('default').insert(0, [paragraph]);
  });
  return doc;
}

const attribution: AttributionResponse = {
  clients: [
    { clientId: 7, userId: 'u-ana', name: 'Ana', organisation: { id: 'o-1', name: 'Agri Coop', kind: 'farmers_organisation', color: '#2a9d8f' } },
    { clientId: 8, userId: 'u-ben', name: 'Ben', organisation: { id: 'o-1', name: 'Agri Coop', kind: 'farmers_organisation', color: '#2a9d8f' } },
    { clientId: 9, userId: 'u-chloe', name: 'Chloé', organisation: null },
  ],
  credits: [],
};

const university = { id: 'o-2', name: 'Université Cheikh Anta Diop', kind: 'academic' as const, color: '#7b3294' };
/** Ben (client 8) accepted Fatou's suggestion: his characters at clocks 20 to 29 are hers. */
const credited: AttributionResponse = {
  ...attribution,
  credits: [{ clientId: 8, clock: 20, length: 10, userId: 'u-fatou', name: 'Fatou', organisation: university }],
};

describe('textClientRuns', () => {
  it('gives each stretch of characters the client id it was written under', () => {
    const doc = templateDoc();
    editAs(doc, 7, (d) => textOf(d).insert(5, ', dear'));
    expect(textOf(doc).toString()).toBe('Hello, dear world');
    expect(textClientRuns(textOf(doc))).toEqual([
      { from: 0, to: 5, clientId: 0, clock: 2 },
      { from: 5, to: 11, clientId: 7, clock: 0 },
      { from: 11, to: 17, clientId: 0, clock: 7 },
    ]);
  });

  it('skips deleted characters and merges neighbouring items of one client', () => {
    const doc = templateDoc();
    editAs(doc, 7, (d) => {
      textOf(d).delete(0, 6);
      textOf(d).insert(5, '!');
      textOf(d).insert(6, '!');
    });
    expect(textOf(doc).toString()).toBe('world!!');
    expect(textClientRuns(textOf(doc))).toEqual([
      { from: 0, to: 5, clientId: 0, clock: 8 },
      { from: 5, to: 7, clientId: 7, clock: 0 },
    ]);
  });

  it('keeps neighbouring items of one client apart when their clocks do not follow on', () => {
    const doc = templateDoc();
    editAs(doc, 7, (d) => {
      textOf(d).insert(11, 'abc');
      textOf(d).delete(12, 1);
    });
    expect(textOf(doc).toString()).toBe('Hello worldac');
    expect(textClientRuns(textOf(doc)).filter((run) => run.clientId === 7)).toEqual([
      { from: 11, to: 12, clientId: 7, clock: 0 },
      { from: 12, to: 13, clientId: 7, clock: 2 },
    ]);
  });

  it('gives formatting no room', () => {
    const doc = templateDoc();
    editAs(doc, 8, (d) => textOf(d).format(0, 5, { bold: {} }));
    const runs = textClientRuns(textOf(doc));
    expect(runs.reduce((sum, run) => sum + run.to - run.from, 0)).toBe(11);
    expect(runs.every((run) => run.clientId === 0)).toBe(true);
  });
});

describe('fragmentClientRuns', () => {
  it('places the runs at ProseMirror positions, past opening tags and leaves', () => {
    const doc = templateDoc();
    editAs(doc, 7, (d) => {
      const heading = new Y.XmlElement('heading');
      heading.insert(0, [new Y.XmlText('Aim')]);
      d.getXmlFragment('default').insert(0, [heading]);
      // A hard break (a leaf) after "Hello".
      (d.getXmlFragment('default').get(1) as Y.XmlElement).insert(1, [new Y.XmlElement('hardBreak')]);
    });
    // <heading>Aim</heading><paragraph>Hello world<hardBreak/></paragraph>
    const { runs, size } = fragmentClientRuns(doc.getXmlFragment('default'), (name) => name === 'hardBreak');
    expect(runs).toEqual([
      { from: 1, to: 4, clientId: 7, clock: 2 },
      { from: 6, to: 17, clientId: 0, clock: 2 },
    ]);
    expect(size).toBe(5 + 2 + 11 + 1);
  });

  it('counts empty elements that are not leaves as an opening and a closing', () => {
    const doc = new Y.Doc();
    doc.getXmlFragment('default').insert(0, [new Y.XmlElement('paragraph')]);
    expect(fragmentClientRuns(doc.getXmlFragment('default'), () => false)).toEqual({ runs: [], size: 2 });
  });
});

describe('authorsOf', () => {
  it('groups by organisation, with people of none together and the template uncoloured', () => {
    const authorOf = authorsOf(attribution, 'organisation');
    expect(authorOf(7)).toEqual({ key: 'organisation:o-1', kind: 'organisation', id: 'o-1', name: 'Agri Coop', color: '#2a9d8f' });
    expect(authorOf(8).key).toBe(authorOf(7).key);
    expect(authorOf(9)).toMatchObject({ key: 'no-organisation', kind: 'no-organisation' });
    expect(authorOf(0)).toMatchObject({ kind: 'template', color: null });
    expect(authorOf(42)).toMatchObject({ kind: 'unknown' });
  });

  it('groups by person, each in a stable colour', () => {
    const authorOf = authorsOf(attribution, 'person');
    expect(authorOf(7)).toEqual({ key: 'user:u-ana', kind: 'person', id: 'u-ana', name: 'Ana', color: personColor('u-ana') });
    expect(authorOf(8).key).not.toBe(authorOf(7).key);
    expect(authorsOf(null, 'person')(7).kind).toBe('unknown');
  });

  it('gives the characters a credit covers to the person it names, and the rest to the client’s owner', () => {
    const byOrganisation = authorsOf(credited, 'organisation');
    expect(byOrganisation(8, 19).key).toBe('organisation:o-1');
    expect(byOrganisation(8, 20)).toMatchObject({ key: 'organisation:o-2', name: 'Université Cheikh Anta Diop', color: '#7b3294' });
    expect(byOrganisation(8, 29).key).toBe('organisation:o-2');
    expect(byOrganisation(8, 30).key).toBe('organisation:o-1');
    expect(byOrganisation(7, 25).key).toBe('organisation:o-1');
    expect(authorsOf(credited, 'person')(8, 25)).toMatchObject({ key: 'user:u-fatou', name: 'Fatou' });
  });
});

describe('authoredRuns', () => {
  it('cuts a run where a credit starts and ends, each part with its author', () => {
    const runs: ClientRun[] = [
      { from: 0, to: 10, clientId: 0, clock: 2 },
      { from: 10, to: 40, clientId: 8, clock: 5 },
    ];
    expect(authoredRuns(runs, credited, 'organisation').map((run) => [run.from, run.to, run.clock, run.author.key])).toEqual([
      [0, 10, 2, 'template'],
      [10, 25, 5, 'organisation:o-1'],
      [25, 35, 20, 'organisation:o-2'],
      [35, 40, 30, 'organisation:o-1'],
    ]);
  });

  it('credits a whole run inside a credit, and leaves runs alone without credits', () => {
    const inside: ClientRun[] = [{ from: 3, to: 6, clientId: 8, clock: 22 }];
    expect(authoredRuns(inside, credited, 'person').map((run) => [run.from, run.to, run.author.key])).toEqual([[3, 6, 'user:u-fatou']]);
    expect(authoredRuns(inside, attribution, 'person').map((run) => [run.from, run.to, run.author.key])).toEqual([[3, 6, 'user:u-ben']]);
  });
});

describe('personColor', () => {
  it('is the same for the same id and taken from the palette', () => {
    expect(personColor('u-ana')).toBe(personColor('u-ana'));
    for (const id of ['a', 'u-ben', 'x'.repeat(40), '']) expect(PERSON_PALETTE).toContain(personColor(id));
  });
});

it('tint gives the colour at an alpha', () => {
  expect(tint('#2a9d8f', 0.25)).toBe('rgba(42, 157, 143, 0.25)');
});

describe('legendOf and unknownClients', () => {
  const runs: ClientRun[] = [
    { from: 0, to: 10, clientId: 0, clock: 2 },
    { from: 10, to: 40, clientId: 7, clock: 0 },
    { from: 40, to: 50, clientId: 8, clock: 20 },
    { from: 50, to: 100, clientId: 12, clock: 0 },
  ];

  it('adds up each author’s characters, most first, with their share', () => {
    const legend = legendOf(authoredRuns(runs, attribution, 'organisation'));
    expect(legend.map((entry) => [entry.key, entry.characters, entry.share])).toEqual([
      ['unknown', 50, 0.5],
      ['organisation:o-1', 40, 0.4],
      ['template', 10, 0.1],
    ]);
  });

  it('gives no shares of an empty text', () => {
    expect(legendOf([])).toEqual([]);
  });

  it('counts credited characters as their author’s', () => {
    const legend = legendOf(authoredRuns(runs, credited, 'organisation'));
    expect(legend.map((entry) => [entry.key, entry.characters, entry.share])).toEqual([
      ['unknown', 50, 0.5],
      ['organisation:o-1', 30, 0.3],
      ['organisation:o-2', 10, 0.1],
      ['template', 10, 0.1],
    ]);
  });

  it('names the client ids the attribution does not know, never the template', () => {
    expect(unknownClients(runs, attribution)).toEqual([12]);
    expect(unknownClients(runs, null)).toEqual([7, 8, 12]);
    // Text a restore wrote under the server's client id is known by its credits.
    const restored: AttributionResponse = { ...attribution, credits: [{ ...credited.credits[0]!, clientId: 12, clock: 0, length: 50 }] };
    expect(unknownClients(runs, restored)).toEqual([]);
  });
});
