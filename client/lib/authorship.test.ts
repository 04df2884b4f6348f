import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { AttributionResponse } from '../../shared/api/attribution';
import { authorsOf, fragmentClientRuns, legendOf, personColor, PERSON_PALETTE, textClientRuns, tint, unknownClients, type ClientRun } from './authorship';

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
};

describe('textClientRuns', () => {
  it('gives each stretch of characters the client id it was written under', () => {
    const doc = templateDoc();
    editAs(doc, 7, (d) => textOf(d).insert(5, ', dear'));
    expect(textOf(doc).toString()).toBe('Hello, dear world');
    expect(textClientRuns(textOf(doc))).toEqual([
      { from: 0, to: 5, clientId: 0 },
      { from: 5, to: 11, clientId: 7 },
      { from: 11, to: 17, clientId: 0 },
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
      { from: 0, to: 5, clientId: 0 },
      { from: 5, to: 7, clientId: 7 },
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
      { from: 1, to: 4, clientId: 7 },
      { from: 6, to: 17, clientId: 0 },
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
    { from: 0, to: 10, clientId: 0 },
    { from: 10, to: 40, clientId: 7 },
    { from: 40, to: 50, clientId: 8 },
    { from: 50, to: 100, clientId: 12 },
  ];

  it('adds up each author’s characters, most first, with their share', () => {
    const legend = legendOf(runs, authorsOf(attribution, 'organisation'));
    expect(legend.map((entry) => [entry.key, entry.characters, entry.share])).toEqual([
      ['unknown', 50, 0.5],
      ['organisation:o-1', 40, 0.4],
      ['template', 10, 0.1],
    ]);
  });

  it('gives no shares of an empty text', () => {
    expect(legendOf([], authorsOf(attribution, 'person'))).toEqual([]);
  });

  it('names the client ids the attribution does not know, never the template', () => {
    expect(unknownClients(runs, attribution)).toEqual([12]);
    expect(unknownClients(runs, null)).toEqual([7, 8, 12]);
  });
});
