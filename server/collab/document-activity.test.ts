import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { NODE_DOCUMENT_LINK, YDOC_CONTENT } from '../../shared/knowledge/kinds';
import { createLogger } from '../logger';
import type { ActivityReport } from '../services/document-activity';
import { ActivityBatcher, linkedDocumentIds } from './document-activity';

function linkTo(doc: Y.Doc, ...targets: string[]): void {
  const paragraph = new Y.XmlElement('paragraph');
  paragraph.insert(
    0,
    targets.map((target) => {
      const link = new Y.XmlElement(NODE_DOCUMENT_LINK);
      link.setAttribute('documentId', target);
      return link;
    }),
  );
  doc.getXmlFragment(YDOC_CONTENT).insert(0, [paragraph]);
}

describe('linkedDocumentIds', () => {
  it('finds links at any depth, once each, in order', () => {
    const doc = new Y.Doc();
    linkTo(doc, 'b', 'a');
    const list = new Y.XmlElement('bulletList');
    const item = new Y.XmlElement('listItem');
    doc.getXmlFragment(YDOC_CONTENT).insert(1, [list]);
    list.insert(0, [item]);
    const nested = new Y.XmlElement(NODE_DOCUMENT_LINK);
    nested.setAttribute('documentId', 'c');
    item.insert(0, [nested]);
    linkTo(doc, 'a');
    expect(linkedDocumentIds(doc)).toEqual(['a', 'b', 'c']);
  });
});

describe('ActivityBatcher', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  function batcher() {
    const reports: ActivityReport[] = [];
    let release = () => {};
    const doc = new Y.Doc();
    const activity = {
      report: vi.fn(async (_: string, report: ActivityReport) => {
        reports.push(report);
        await new Promise<void>((resolve) => (release = resolve));
      }),
    };
    return { doc, reports, activity, release: () => release(), batch: new ActivityBatcher('d', doc, activity, createLogger('silent'), 1000) };
  }

  it('reports a busy second once, with everyone who edited and the links of the content', async () => {
    const { doc, reports, batch, release } = batcher();
    linkTo(doc, 'x');
    const moved = { client: 2, clock: 0, length: 30, source: { client: 1, clock: 4 } };
    batch.noteEdit('ana');
    batch.noteEdit('ben', [moved]);
    batch.noteEdit('ana');
    expect(reports).toEqual([]);
    await vi.advanceTimersByTimeAsync(1000);
    expect(reports).toEqual([{ editors: new Map([['ana', 2], ['ben', 1]]), linkedDocumentIds: ['x'], copies: [moved], searchable: [{ kind: 'document', itemId: null, body: expect.any(String) }] }]);
    release();
    await vi.advanceTimersByTimeAsync(5000);
    expect(reports).toHaveLength(1);
  });

  it('reports at once on flush, as when the document unloads, and the flush waits for the report to be stored', async () => {
    const { reports, batch, release } = batcher();
    batch.noteEdit('ana');
    let flushed = false;
    const flushing = batch.flush().then(() => (flushed = true));
    await vi.advanceTimersByTimeAsync(0);
    expect(reports).toEqual([{ editors: new Map([['ana', 1]]), linkedDocumentIds: [], copies: [], searchable: [{ kind: 'document', itemId: null, body: '' }] }]);
    expect(flushed).toBe(false);
    release();
    await flushing;
    expect(flushed).toBe(true);
  });
});
