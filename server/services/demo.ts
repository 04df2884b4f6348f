import { randomInt } from 'node:crypto';
import * as Y from 'yjs';
import type { DemoLogin, DemoPasswords, Organisation } from '../../shared/api';
import { YDOC_CONTENT } from '../../shared/knowledge/kinds';
import { SECTION_HEADING_LEVEL } from '../../shared/knowledge/template';
import { addTrialEntry, setTrialOutcome, trialText, type TrialTextField } from '../../shared/knowledge/trial-log';
import { type Language, STAKEHOLDER_KINDS, type StakeholderKind } from '../../shared/roles';
import { WORKSHOP_AGENDAS } from '../../shared/workshops/formats';
import { AppError, conflict } from '../errors';
import { countUsers, findUser, findUserByEmail } from '../storage/accounts-repository';
import type { UserRow } from '../storage/database';
import { recordClients } from '../storage/attribution-repository';
import { recordContributors } from '../storage/documents-repository';
import { logOut, type SignedIn, signUp, updateProfile } from './accounts';
import type { ServiceDeps } from './context';
import { changeStatus, createDocument, updateDocument } from './documents';
import { acceptInvitation, createInvitation } from './invitations';
import { createOrganisation } from './organisations';
import { createProject } from './projects';
import { fillSections, paragraph, templateDoc } from './template-content';
import {
  type DemoContent,
  type DemoDocument,
  type DemoTrialEntry,
  DOCUMENTS,
  ORGANISATIONS,
  OWNER,
  PEOPLE,
  type PersonKey,
  PROJECTS,
  WORKSHOP,
} from './demo-content';
import { addNote, createCluster, createWorkshop, facilitate, vote } from './workshops';

/**
 * A sample programme for a newcomer's first look: partners of every kind of
 * stakeholder, people in every role, two projects, and one document of each
 * kind with real writing in it, in French, Spanish and English. Everything is
 * made through the same use cases people go through, so it is exactly what
 * they would have made by hand.
 */

export interface DemoResult {
  projectIds: string[];
  logins: DemoLogin[];
  passwords: DemoPasswords;
}

export const DEMO_EMAIL_DOMAIN = 'demo.ensemble.example';

const PASSWORD_ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';

/** Three groups of four letters and digits, without look-alikes: easy to type into another browser, hard to guess. */
function newDemoPassword(): string {
  const group = () => Array.from({ length: 4 }, () => PASSWORD_ALPHABET[randomInt(PASSWORD_ALPHABET.length)]).join('');
  return `${group()}-${group()}-${group()}`;
}

function newDemoPasswords(): DemoPasswords {
  const owner = newDemoPassword();
  let others = newDemoPassword();
  while (others === owner) others = newDemoPassword();
  return { owner, others };
}

const instanceNotEmpty = () =>
  conflict('instance_not_empty', 'This instance has accounts already: the sample programme is only made on an empty one');

/** No account yet: the next to sign up, or the sample programme, will administer the instance. */
export async function instanceIsEmpty(deps: ServiceDeps): Promise<boolean> {
  return (await countUsers(deps.db)) === 0;
}

/** The ids of what the sample programme has made so far, to undo it all if it cannot be finished. */
interface Made {
  users: string[];
  organisations: string[];
  projects: string[];
}

/**
 * Creates the sample programme on an empty instance; refuses with
 * `instance_not_empty` otherwise. Whoever takes the owner's account from the
 * first-run page keeps their language: `ownerLanguage`. All or nothing: on any
 * failure everything made is removed before the error goes on, so the
 * instance is empty again and may be offered the sample once more.
 */
export async function createDemoProgramme(deps: ServiceDeps, options: { ownerLanguage?: Language } = {}): Promise<DemoResult> {
  if (!(await instanceIsEmpty(deps))) throw instanceNotEmpty();
  const made: Made = { users: [], organisations: [], projects: [] };
  try {
    return await makeDemoProgramme(deps, options, made);
  } catch (error) {
    await removeDemoProgramme(deps, made);
    throw error;
  }
}

async function makeDemoProgramme(deps: ServiceDeps, options: { ownerLanguage?: Language }, made: Made): Promise<DemoResult> {
  const passwords = newDemoPasswords();
  const emailOf = (key: PersonKey) => `${PEOPLE[key].mailbox}@${DEMO_EMAIL_DOMAIN}`;
  const languageOf = (key: PersonKey): Language => (key === OWNER ? options.ownerLanguage : undefined) ?? PEOPLE[key].language;
  const signUpAs = async (key: PersonKey, organisationId?: string): Promise<UserRow> => {
    const { name } = PEOPLE[key];
    const email = emailOf(key);
    const password = key === OWNER ? passwords.owner : passwords.others;
    let signedUp: SignedIn;
    try {
      signedUp = await signUp(deps, { name, email, password, language: languageOf(key), organisationId });
    } catch (error) {
      // Refusals come before the account is stored; anything else may come after it (opening the session), and it goes too.
      const stored = error instanceof AppError ? undefined : await findUserByEmail(deps.db, email);
      if (stored) made.users.push(stored.id);
      throw error;
    }
    const { user, token } = signedUp;
    made.users.push(user.id);
    // Only the accounts are wanted here; whoever uses one logs in.
    await logOut(deps, token);
    return (await findUser(deps.db, user.id))!;
  };

  // The owner first, before anything else exists: of two requests at once, the second stops here having made nothing.
  let owner: UserRow;
  try {
    owner = await signUpAs(OWNER);
  } catch (error) {
    if (error instanceof AppError && error.code === 'email_taken') throw instanceNotEmpty();
    throw error;
  }
  // The first account administers the instance, decided as it is stored: a real sign-up that came in since the check wins.
  if (owner.is_admin !== 1) throw instanceNotEmpty();
  const organisations = new Map<StakeholderKind, Organisation>();
  for (const kind of STAKEHOLDER_KINDS) {
    const organisation = await createOrganisation(deps, { kind, ...ORGANISATIONS[kind] });
    made.organisations.push(organisation.id);
    organisations.set(kind, organisation);
  }
  const organisationOf = (key: PersonKey) => organisations.get(PEOPLE[key].organisation)!;
  await updateProfile(deps, owner, { organisationId: organisationOf(OWNER).id });
  const users = new Map<PersonKey, UserRow>([[OWNER, (await findUser(deps.db, owner.id))!]]);
  for (const key of Object.keys(PEOPLE) as PersonKey[]) {
    if (!users.has(key)) users.set(key, await signUpAs(key, organisationOf(key).id));
  }
  const userOf = (key: PersonKey) => users.get(key)!;

  const year = new Date(deps.clock()).getUTCFullYear();
  const projectIds: string[] = [];
  for (const project of PROJECTS) {
    const { id } = await createProject(deps, userOf(OWNER), project.input(year));
    made.projects.push(id);
    for (const key of project.members) {
      const { token } = await createInvitation(deps, userOf(OWNER), id, { role: PEOPLE[key].role });
      await acceptInvitation(deps, userOf(key), token);
    }
    projectIds.push(id);
  }

  for (const document of DOCUMENTS) await createDemoDocument(deps, document, projectIds[document.project]!, userOf);
  await createDemoWorkshop(deps, projectIds[WORKSHOP.project]!, userOf);

  const logins = (Object.keys(PEOPLE) as PersonKey[]).map((key) => ({
    name: PEOPLE[key].name,
    email: emailOf(key),
    role: PEOPLE[key].role,
    organisation: organisationOf(key),
    language: languageOf(key),
  }));
  return { projectIds, logins, passwords };
}

/**
 * Deletes what the sample programme made; the foreign keys' cascades take
 * members, invitations, sessions, documents and their content along. Only
 * the database is written, never the document store, so one transaction
 * holds it all.
 */
async function removeDemoProgramme(deps: ServiceDeps, made: Made): Promise<void> {
  if (made.users.length === 0) return;
  await deps.db.transaction().execute(async (trx) => {
    // Documents from before accounts that the owner's sign-up gathered into a project wait again for the first administrator.
    const gathered = (
      await trx.selectFrom('project_members').select('project_id').distinct().where('user_id', 'in', made.users).execute()
    )
      .map((row) => row.project_id)
      .filter((id) => !made.projects.includes(id));
    if (gathered.length > 0) await trx.updateTable('documents').set({ project_id: null }).where('project_id', 'in', gathered).execute();
    const projects = [...made.projects, ...gathered];
    if (projects.length > 0) await trx.deleteFrom('projects').where('id', 'in', projects).execute();
    await trx.deleteFrom('users').where('id', 'in', made.users).execute();
    if (made.organisations.length > 0) await trx.deleteFrom('organisations').where('id', 'in', made.organisations).execute();
  });
}

/** A workshop midway: the group has written, clustered and voted; the facilitator has not revealed the dots yet. */
async function createDemoWorkshop(deps: ServiceDeps, projectId: string, userOf: (key: PersonKey) => UserRow): Promise<void> {
  const facilitator = userOf(WORKSHOP.facilitator);
  const date = new Date(deps.clock()).toISOString().slice(0, 10);
  const { id } = await createWorkshop(deps, facilitator, projectId, { title: WORKSHOP.title, objective: WORKSHOP.objective, date, format: WORKSHOP.format });
  const noteIds: string[] = [];
  for (const note of WORKSHOP.notes) {
    noteIds.push(await addNote(deps, userOf(note.author), id, { column: note.column, text: note.text, anonymous: note.anonymous ?? false }));
  }
  for (const cluster of WORKSHOP.clusters) {
    await createCluster(deps, facilitator, id, { column: cluster.column, title: cluster.title, noteIds: cluster.notes.map((i) => noteIds[i]!) });
  }
  for (const [i, note] of WORKSHOP.notes.entries()) for (const voter of note.dots) await vote(deps, userOf(voter), id, noteIds[i]!, 1);
  const dotVoting = WORKSHOP_AGENDAS[WORKSHOP.format].findIndex((step) => step.method === 'dot_voting');
  await facilitate(deps, facilitator, id, { action: 'step', step: dotVoting });
}

async function createDemoDocument(
  deps: ServiceDeps,
  document: DemoDocument,
  projectId: string,
  userOf: (key: PersonKey) => UserRow,
): Promise<void> {
  const [author] = document.authors;
  // Each author writes under a Yjs client id of their own, as in an editor, so the authorship view and the
  // contribution maps show who wrote what.
  const writers = document.authors.map((key) => ({ userId: userOf(key).id, clientId: new Y.Doc().clientID }));
  const { id } = await createDocument(
    deps,
    userOf(author),
    projectId,
    { title: document.title, kind: document.content.kind, language: document.language },
    contentOf(document.content, document.language, deps.clock(), writers.map((w) => w.clientId)),
  );
  for (const writer of writers) await recordClients(deps.db, id, [writer.clientId], writer.userId, deps.clock());
  await updateDocument(deps, userOf(author), id, { themes: document.themes, tags: document.tags });
  // A millisecond apart, so the organisations show in the order their people wrote.
  const now = deps.clock();
  for (const [index, key] of document.authors.entries()) {
    await recordContributors(deps.db, id, new Map([[userOf(key).id, 1]]), now - document.authors.length + index);
  }
  for (const move of document.moves) await changeStatus(deps, userOf(move.by), id, { status: move.to });
}

/**
 * The document's first update: its template, written in, and a trial-and-error
 * log's entries; the sections and entries taken in turn by the writers' client ids.
 */
function contentOf(content: DemoContent, language: Language, now: number, writers: number[]): Uint8Array {
  const doc = templateDoc(content.kind, language);
  let turn = 0;
  const nextWriter = () => {
    doc.clientID = writers[turn++ % writers.length]!;
  };
  if (content.kind === 'free') {
    nextWriter();
    writeBlocks(doc, content.blocks);
  } else {
    for (const [section, texts] of Object.entries(content.sections)) {
      nextWriter();
      fillSections(doc, { [section]: texts });
    }
  }
  if (content.kind === 'trial_log') {
    for (const entry of content.entries) {
      nextWriter();
      writeTrialEntry(doc, entry, now);
    }
  }
  const update = Y.encodeStateAsUpdate(doc);
  doc.destroy();
  return update;
}

function writeBlocks(doc: Y.Doc, blocks: Extract<DemoContent, { kind: 'free' }>['blocks']): void {
  const fragment = doc.getXmlFragment(YDOC_CONTENT);
  doc.transact(() => {
    for (const block of blocks) {
      const heading = new Y.XmlElement('heading');
      fragment.push([heading, ...block.paragraphs.map(paragraph)]);
      // A number, as y-prosemirror stores the node's `level` attr.
      (heading as Y.XmlElement<{ level: number }>).setAttribute('level', SECTION_HEADING_LEVEL);
      heading.push([new Y.XmlText(block.heading)]);
    }
  });
}

const DAY_MS = 24 * 60 * 60 * 1000;

function writeTrialEntry(doc: Y.Doc, entry: DemoTrialEntry, now: number): void {
  const id = addTrialEntry(doc, { date: new Date(now - entry.daysAgo * DAY_MS).toISOString().slice(0, 10) });
  for (const [field, text] of Object.entries(entry.texts) as Array<[TrialTextField, string]>) trialText(doc, id, field)?.insert(0, text);
  setTrialOutcome(doc, id, entry.outcome);
}
