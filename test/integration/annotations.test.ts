import { beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { discussionRoom, listThreads, type Thread } from '../../shared/annotations/discussion';
import type { ContributionMapResponse, CreateThreadInput, DocumentDetailResponse, NotificationsResponse, ThreadCreatedResponse } from '../../shared/api';
import { YDOC_CONTENT } from '../../shared/knowledge/kinds';
import { type Role, ROLES } from '../../shared/roles';
import { addMember, type TestUser } from '../helpers/accounts';
import { serverDoc } from '../helpers/collab-socket';
import { startSharedTestServer, type TestServer } from '../helpers/server';
import { waitFor } from '../helpers/wait-for';
import { connectClient, type YjsClient } from '../helpers/yjs-client';

let server: TestServer;
let projectId: string;
const people = {} as Record<Role, TestUser>;

beforeAll(async () => {
  server = await startSharedTestServer();
  people.owner = await server.owner();
  projectId = await server.project();
  for (const role of ROLES.filter((r) => r !== 'owner')) {
    people[role] = await server.signUp({ name: `The ${role}` });
    await addMember(people.owner, projectId, people[role], role);
  }
});

const connectAs = (user: TestUser, room: string): YjsClient => connectClient({ wsUrl: server.wsUrl, cookie: user.cookie }, room);

/** A document whose content is one paragraph of `text`, and a client holding it. */
async function documentWith(text: string): Promise<{ id: string; writer: YjsClient; words: Y.XmlText }> {
  const id = await server.createDocument('Field finding');
  const writer = connectAs(people.editor, id);
  await writer.synced();
  const paragraph = new Y.XmlElement('paragraph');
  const words = new Y.XmlText(text);
  paragraph.insert(0, [words]);
  writer.doc.getXmlFragment(YDOC_CONTENT).insert(0, [paragraph]);
  return { id, writer, words };
}

const encode = (position: Y.RelativePosition) => Buffer.from(Y.encodeRelativePosition(position)).toString('base64');

/** The anchor of `length` characters at `index` of `text`: the start sticks to what follows it, the end to what precedes it. */
function anchorOf(text: Y.XmlText, index: number, length: number): CreateThreadInput['anchor'] {
  return {
    start: encode(Y.createRelativePositionFromTypeIndex(text, index, 0)),
    end: encode(Y.createRelativePositionFromTypeIndex(text, index + length, -1)),
  };
}

/** The words an anchor covers in `doc`, or null once they are gone. */
function anchoredWords(doc: Y.Doc, anchor: Thread['anchor']): string | null {
  const resolve = (encoded: string) =>
    Y.createAbsolutePositionFromRelativePosition(Y.decodeRelativePosition(Buffer.from(encoded, 'base64')), doc);
  const [start, end] = [resolve(anchor.start), resolve(anchor.end)];
  if (!start || !end || start.type !== end.type || end.index <= start.index) return null;
  return (start.type as Y.XmlText).toString().slice(start.index, end.index);
}

async function annotate(as: TestUser, documentId: string, input: Partial<CreateThreadInput> & Pick<CreateThreadInput, 'anchor'>) {
  const response = await as.api('POST', `/documents/${documentId}/threads`, { kind: 'comment', quote: 'x', body: 'A note', ...input });
  return response;
}

async function created(response: Response): Promise<ThreadCreatedResponse> {
  expect(response.status, await response.clone().text()).toBe(201);
  return (await response.json()) as ThreadCreatedResponse;
}

const threadsOnServer = async (documentId: string) =>
  listThreads(await serverDoc({ wsUrl: server.wsUrl, cookie: people.owner.cookie }, discussionRoom(documentId)));

const notificationsOf = async (user: TestUser) => (await (await user.api('GET', '/notifications')).json()) as NotificationsResponse;

describe('annotations', () => {
  it('reach everyone in the document live, and their anchor follows the words through concurrent edits', async () => {
    const { id, writer, words } = await documentWith('Yields rose on the zaï plots after the rains');
    const other = connectAs(people.facilitator, id);
    const discussion = connectAs(people.facilitator, discussionRoom(id));
    await Promise.all([other.synced(), discussion.synced()]);
    await waitFor(() => other.doc.getXmlFragment(YDOC_CONTENT).length === 1, 'the paragraph to arrive');

    const exact = anchorOf(words, 19, 9); // "zaï plots"
    const { threadId } = await created(await annotate(people.commenter, id, { kind: 'evidence', anchor: exact, quote: 'zaï plots', body: '', citation: { text: 'Sawadogo 2011', url: 'https://example.org/zai' } }));
    await waitFor(() => listThreads(discussion.doc).some((t) => t.id === threadId), 'the thread to arrive live', 2000);
    const thread = listThreads(discussion.doc).find((t) => t.id === threadId)!;
    expect(thread).toMatchObject({ kind: 'evidence', quote: 'zaï plots', status: 'open', citation: { text: 'Sawadogo 2011', url: 'https://example.org/zai' } });
    expect(thread.messages[0]?.author).toMatchObject({ userId: people.commenter.id, name: 'The commenter' });

    // Both type at once: before the anchor, inside it, right after it.
    const otherWords = (other.doc.getXmlFragment(YDOC_CONTENT).get(0) as Y.XmlElement).get(0) as Y.XmlText;
    writer.provider.disconnect();
    other.provider.disconnect();
    words.insert(0, 'This year, ');
    otherWords.insert(23, 'old ');
    otherWords.insert(32, ' (2 ha)');
    writer.provider.connect();
    other.provider.connect();
    await waitFor(() => words.toString() === otherWords.toString() && words.toString().includes('(2 ha)') && words.toString().startsWith('This'), 'the edits to merge');
    expect(words.toString()).toBe('This year, Yields rose on the zaï old plots (2 ha) after the rains');
    for (const doc of [writer.doc, other.doc]) expect(anchoredWords(doc, thread.anchor)).toBe('zaï old plots');

    // Deleting the words leaves the thread, detached, with its quote.
    words.delete(words.toString().indexOf('zaï'), 'zaï old plots'.length);
    await waitFor(() => !otherWords.toString().includes('zaï'), 'the deletion to arrive');
    expect(anchoredWords(other.doc, thread.anchor)).toBeNull();
    expect((await threadsOnServer(id)).find((t) => t.id === threadId)).toMatchObject({ quote: 'zaï plots', status: 'open' });
  });

  it('are written by commenters and above, through the server only: no socket writes the discussion or, below editor, the content', async () => {
    const { id, words } = await documentWith('The soil data');
    const anchor = anchorOf(words, 4, 4);
    await created(await annotate(people.commenter, id, { anchor }));
    expect((await annotate(people.viewer, id, { anchor })).status).toBe(403);
    expect((await annotate(await server.signUp(), id, { anchor })).status).toBe(404);

    // A commenter's socket may not change the content; nobody's socket may change the discussion.
    const commenterContent = connectAs(people.commenter, id);
    const ownerDiscussion = connectAs(people.owner, discussionRoom(id));
    await Promise.all([commenterContent.synced(), ownerDiscussion.synced()]);
    commenterContent.doc.getXmlFragment(YDOC_CONTENT).insert(0, [new Y.XmlElement('paragraph')]);
    ownerDiscussion.doc.getMap('threads').set('forged', new Y.Map());
    const probe = await created(await annotate(people.editor, id, { anchor, body: 'After the attempts' }));
    await waitFor(async () => (await threadsOnServer(id)).some((t) => t.id === probe.threadId), 'the probe');
    expect((await threadsOnServer(id)).map((t) => t.messages[0]?.body)).toEqual(['A note', 'After the attempts']);
    const discussion = await serverDoc({ wsUrl: server.wsUrl, cookie: people.owner.cookie }, discussionRoom(id));
    expect(discussion.getMap('threads').has('forged')).toBe(false);
    const content = await serverDoc({ wsUrl: server.wsUrl, cookie: people.owner.cookie }, id);
    expect(content.getXmlFragment(YDOC_CONTENT).length).toBe(1);
  });

  it('refuse what does not hold together: evidence without a source, a suggestion without its text, a malformed anchor', async () => {
    const { id, words } = await documentWith('Text');
    const anchor = anchorOf(words, 0, 4);
    for (const input of [
      { kind: 'evidence' as const, anchor, body: '' },
      { kind: 'suggestion' as const, anchor, body: '' },
      { anchor: { start: 'not base64!', end: anchor.end } },
      { anchor, body: '   ' },
    ]) {
      const response = await annotate(people.editor, id, input);
      expect(response.status).toBe(400);
      expect(await response.json()).toMatchObject({ error: { code: 'validation_failed' } });
    }
    expect(await threadsOnServer(id)).toEqual([]);
  });
});

describe('threads', () => {
  it('move onto the words they quote when the editor rewrote their paragraph, and onto nothing else', async () => {
    const { id, writer, words } = await documentWith('Rains came late in Kaffrine');
    const { threadId } = await created(await annotate(people.commenter, id, { anchor: anchorOf(words, 11, 4), quote: 'late' }));
    // As y-prosemirror does on a split: the old text goes, a new one holds the same words.
    const fragment = writer.doc.getXmlFragment(YDOC_CONTENT);
    const paragraph = new Y.XmlElement('paragraph');
    const rewritten = new Y.XmlText('Rains came late in Kaffrine');
    paragraph.insert(0, [rewritten]);
    writer.doc.transact(() => {
      fragment.delete(0, 1);
      fragment.insert(0, [paragraph]);
    });
    const reader = connectAs(people.viewer, id);
    await waitFor(async () => {
      await reader.synced();
      return (reader.doc.getXmlFragment(YDOC_CONTENT).get(0) as Y.XmlElement | undefined)?.get(0)?.toString() === 'Rains came late in Kaffrine';
    }, 'the rewritten paragraph on the server');
    const [thread] = await threadsOnServer(id);
    expect(anchoredWords(writer.doc, thread!.anchor)).toBeNull();

    const path = `/documents/${id}/threads/${threadId}/anchor`;
    const wrong = await people.commenter.api('PUT', path, { anchor: anchorOf(rewritten, 0, 5) });
    expect(wrong.status).toBe(409);
    expect(await wrong.json()).toMatchObject({ error: { code: 'anchor_mismatch' } });
    expect((await people.viewer.api('PUT', path, { anchor: anchorOf(rewritten, 11, 4) })).status).toBe(403);
    expect((await people.editor.api('PUT', path, { anchor: anchorOf(rewritten, 11, 4) })).status).toBe(204);
    const [moved] = await threadsOnServer(id);
    expect(anchoredWords(writer.doc, moved!.anchor)).toBe('late');
  });

  it('let people change and delete only their own messages', async () => {
    const { id, words } = await documentWith('Text');
    const { threadId, messageId } = await created(await annotate(people.commenter, id, { anchor: anchorOf(words, 0, 4), body: 'Frist' }));
    const path = `/documents/${id}/threads/${threadId}/messages/${messageId}`;
    expect((await people.owner.api('PATCH', path, { body: 'Hijacked' })).status).toBe(403);
    expect((await people.owner.api('DELETE', path)).status).toBe(403);
    expect((await people.commenter.api('PATCH', path, { body: 'First' })).status).toBe(204);
    let [thread] = await threadsOnServer(id);
    expect(thread!.messages[0]).toMatchObject({ body: 'First', deleted: false });
    expect(thread!.messages[0]!.editedAt).not.toBeNull();
    expect((await people.commenter.api('DELETE', path)).status).toBe(204);
    [thread] = await threadsOnServer(id);
    expect(thread!.messages[0]).toMatchObject({ body: '', deleted: true });
    expect((await people.commenter.api('PATCH', path, { body: 'Back' })).status).toBe(404);
  });

  it('are resolved and reopened by their author or an editor and above, and suggestions accepted only by editors and above', async () => {
    const { id, words } = await documentWith('The yield doubled');
    const anchor = anchorOf(words, 10, 7);
    const question = await created(await annotate(people.commenter, id, { kind: 'question', anchor, body: 'Compared with what?' }));
    const status = (as: TestUser, threadId: string, value: string) => as.api('POST', `/documents/${id}/threads/${threadId}/status`, { status: value });
    const otherCommenter = await server.signUp({ name: 'Second commenter' });
    await addMember(people.owner, projectId, otherCommenter, 'commenter');
    expect((await status(otherCommenter, question.threadId, 'resolved')).status).toBe(403);
    expect((await status(people.commenter, question.threadId, 'resolved')).status).toBe(204);
    expect((await status(people.editor, question.threadId, 'open')).status).toBe(204);
    expect((await status(people.editor, question.threadId, 'accepted')).status).toBe(409);

    const suggestion = await created(
      await annotate(people.commenter, id, { kind: 'suggestion', anchor, quote: 'doubled', suggestion: 'rose by 80 %', body: '' }),
    );
    expect((await status(people.commenter, suggestion.threadId, 'accepted')).status).toBe(403);
    // Its author may not settle it either way: rejecting, then reopening, is the editors'.
    expect((await status(people.editor, suggestion.threadId, 'rejected')).status).toBe(204);
    expect((await status(people.commenter, suggestion.threadId, 'open')).status).toBe(403);
    expect((await status(people.editor, suggestion.threadId, 'open')).status).toBe(204);
    expect((await status(people.editor, suggestion.threadId, 'accepted')).status).toBe(204);
    const twice = await status(people.owner, suggestion.threadId, 'accepted');
    expect(twice.status).toBe(409);
    expect(await twice.json()).toMatchObject({ error: { code: 'invalid_transition' } });
    const threads = await threadsOnServer(id);
    expect(threads.find((t) => t.id === suggestion.threadId)).toMatchObject({
      status: 'accepted',
      suggestion: 'rose by 80 %',
      statusChange: { by: { userId: people.editor.id } },
    });
    expect(threads.find((t) => t.id === question.threadId)?.status).toBe('open');
    const inbox = await notificationsOf(people.commenter);
    expect(inbox.notifications.filter((n) => n.threadId === suggestion.threadId)).toEqual([
      expect.objectContaining({ kind: 'suggestion_accepted', actorName: 'The editor' }),
    ]);
    // The accepted words are credited to the suggester's organisation, though an editor typed them in.
    const document = (await (await people.owner.api('GET', `/documents/${id}`)).json()) as DocumentDetailResponse;
    expect(document.document.contributors.map((o) => o.id)).toContain(people.commenter.organisationId);
  });
});

describe('accepted suggestions', () => {
  it('credit the words the editor typed to the suggestion’s author, once, and only those words', async () => {
    const { id, writer, words } = await documentWith('Yields doubled');
    const { threadId } = await created(
      await annotate(people.commenter, id, { kind: 'suggestion', anchor: anchorOf(words, 7, 7), quote: 'doubled', suggestion: 'rose by 80 %', body: '' }),
    );
    const credit = (as: TestUser, body: unknown) => as.api('POST', `/documents/${id}/threads/${threadId}/credit`, body);
    const before = Y.getState(writer.doc.store, writer.doc.clientID);
    writer.doc.transact(() => {
      words.delete(7, 7);
      words.insert(7, 'rose by 80 %');
    });
    const range = { clientId: writer.doc.clientID, clock: before, length: Y.getState(writer.doc.store, writer.doc.clientID) - before };
    expect((await credit(people.editor, range)).status).toBe(409); // not accepted yet
    expect((await people.editor.api('POST', `/documents/${id}/threads/${threadId}/status`, { status: 'accepted' })).status).toBe(204);
    expect((await credit(people.owner, range)).status).toBe(403); // did not accept it
    expect((await credit(people.editor, { ...range, length: range.length - 1 })).status).toBe(409); // not the suggested words
    expect((await credit(people.editor, range)).status).toBe(204);
    expect((await credit(people.editor, range)).status).toBe(409); // once

    const { contributions } = (await (await people.owner.api('GET', `/documents/${id}/contributions`)).json()) as ContributionMapResponse;
    const charactersOf = (user: TestUser) => contributions.byPerson.find((p) => p.userId === user.id)?.characters ?? 0;
    expect(charactersOf(people.commenter)).toBe('rose by 80 %'.length);
    expect(charactersOf(people.editor)).toBe('Yields '.length);
  });
});

describe('notifications', () => {
  it('tell the mentioned members and the thread’s author, once each, and only them', async () => {
    const { id, words } = await documentWith('Millet');
    const outsider = await server.signUp({ name: 'Not in the project' });
    const before = (await notificationsOf(people.viewer)).unread;
    const { threadId } = await created(await annotate(people.commenter, id, { anchor: anchorOf(words, 0, 6), body: 'Which variety?' }));
    const reply = await people.editor.api('POST', `/documents/${id}/threads/${threadId}/messages`, {
      body: '@The viewer knows; @Not in the project does not',
      mentions: [people.viewer.id, outsider.id, people.viewer.id],
    });
    expect(reply.status).toBe(201);

    const viewerInbox = await notificationsOf(people.viewer);
    expect(viewerInbox.unread).toBe(before + 1);
    expect(viewerInbox.notifications[0]).toMatchObject({ kind: 'mention', actorName: 'The editor', documentId: id, threadId, read: false });
    expect(viewerInbox.notifications[0]!.excerpt).toContain('knows');
    expect((await notificationsOf(outsider)).notifications).toEqual([]);
    expect((await notificationsOf(people.commenter)).notifications[0]).toMatchObject({ kind: 'reply', threadId });
    expect((await notificationsOf(people.editor)).notifications.filter((n) => n.threadId === threadId)).toEqual([]);

    // Marking someone else's notification read does nothing; one's own, it does.
    const [mine] = viewerInbox.notifications;
    // The editor takes the reply back: its words leave the inbox.
    const { messageId } = (await reply.json()) as { messageId: string };
    expect((await people.editor.api('DELETE', `/documents/${id}/threads/${threadId}/messages/${messageId}`)).status).toBe(204);
    expect((await notificationsOf(people.viewer)).notifications[0]!.excerpt).toBe('');
    expect((await people.commenter.api('POST', '/notifications/read', { ids: [mine!.id] })).status).toBe(204);
    expect((await notificationsOf(people.viewer)).unread).toBe(before + 1);
    expect((await people.viewer.api('POST', '/notifications/read', {})).status).toBe(204);
    expect((await notificationsOf(people.viewer)).unread).toBe(0);
    expect((await fetch(`${server.url}/api/v1/notifications`)).status).toBe(401);
  });
});
