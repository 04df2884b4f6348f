import { batch, createResource, createSignal, type Accessor, type Resource } from 'solid-js';
import type {
  CreateClusterInput,
  CreateNoteInput,
  DocumentSummary,
  FacilitationInput,
  SynthesisInput,
  WorkshopDetailResponse,
} from '../../shared/api';
import { ApiError, type ApiClient } from '../lib/api';
import { clockOffset } from '../lib/workshop-clock';
import { withDots, type MyVotes } from '../lib/workshop-votes';

export interface WorkshopStore {
  /** The workshop as the server shows it to me, asked when the page opens and again after a reconnection. */
  detail: Resource<WorkshopDetailResponse>;
  /** The last answer that came: a reload that fails (a flaky link) does not take the room away. */
  latest: Accessor<WorkshopDetailResponse | undefined>;
  /** The server says there is no such workshop, or that it is not mine to see. */
  notFound: Accessor<boolean>;
  reload(): void;
  /** How far the server's clock is ahead of this device's, in ms. */
  offset: Accessor<number>;
  /** Whether I wrote the note (anonymous ones included: only I and the server know). */
  isMine(noteId: string): boolean;
  myVotes: Accessor<MyVotes>;
  votesLeft: Accessor<number>;
  addNote(input: CreateNoteInput): Promise<void>;
  editNote(noteId: string, text: string): Promise<void>;
  deleteNote(noteId: string): Promise<void>;
  /** Shows the dots at once and takes them back if the server refuses. */
  vote(noteId: string, count: number, budget: number): Promise<void>;
  placeNote(noteId: string, clusterId: string | null): Promise<void>;
  createCluster(input: CreateClusterInput): Promise<void>;
  renameCluster(clusterId: string, title: string): Promise<void>;
  deleteCluster(clusterId: string): Promise<void>;
  facilitate(input: FacilitationInput): Promise<void>;
  synthesise(input: SynthesisInput): Promise<DocumentSummary>;
}

/**
 * One workshop, from my side: my role, my notes and my dots (which the
 * board does not show before the reveal), the server's clock, and what I
 * do in it. What I do reaches everyone through the board, which the server
 * writes; only my own notes and dots are kept here.
 */
export function createWorkshopStore(api: ApiClient, workshopId: string): WorkshopStore {
  const [offset, setOffset] = createSignal(0);
  const [mine, setMine] = createSignal<ReadonlySet<string>>(new Set());
  const [myVotes, setMyVotes] = createSignal<MyVotes>({});
  const [votesLeft, setVotesLeft] = createSignal(0);
  const [latest, setLatest] = createSignal<WorkshopDetailResponse>();

  const [detail, { refetch }] = createResource(async () => {
    const sentAt = Date.now();
    const answer = await api.getWorkshop(workshopId);
    batch(() => {
      setOffset(clockOffset(answer.serverTime, sentAt, Date.now()));
      setMine(new Set(answer.me.notes));
      setMyVotes(answer.me.votes);
      setVotesLeft(answer.me.votesLeft);
      setLatest(answer);
    });
    return answer;
  });
  const remember = (noteId: string) => setMine((notes) => new Set(notes).add(noteId));

  return {
    detail,
    latest,
    notFound: () => detail.error instanceof ApiError && (detail.error.code === 'not_found' || detail.error.code === 'forbidden'),
    reload: () => void refetch(),
    offset,
    isMine: (noteId) => mine().has(noteId),
    myVotes,
    votesLeft,
    async addNote(input) {
      remember(await api.addNote(workshopId, input));
    },
    editNote: (noteId, text) => api.editNote(workshopId, noteId, text),
    deleteNote: (noteId) => api.deleteNote(workshopId, noteId),
    async vote(noteId, count, budget) {
      const before = { votes: myVotes(), left: votesLeft() };
      const after = withDots(before.votes, noteId, count, budget);
      if (after === null) throw new ApiError(409, 'vote_budget_exceeded', 'no dots left');
      batch(() => {
        setMyVotes(after);
        setVotesLeft(Math.max(0, before.left - (count - (before.votes[noteId] ?? 0))));
      });
      try {
        setVotesLeft(await api.vote(workshopId, noteId, count));
      } catch (error) {
        batch(() => {
          setMyVotes(before.votes);
          setVotesLeft(before.left);
        });
        // My dots elsewhere (another tab) may explain the refusal: hear the server's count again.
        if (error instanceof ApiError && error.status === 409) void refetch();
        throw error;
      }
    },
    placeNote: (noteId, clusterId) => api.placeNote(workshopId, noteId, clusterId),
    async createCluster(input) {
      await api.createCluster(workshopId, input);
    },
    renameCluster: (clusterId, title) => api.renameCluster(workshopId, clusterId, title),
    deleteCluster: (clusterId) => api.deleteCluster(workshopId, clusterId),
    facilitate: (input) => api.facilitate(workshopId, input),
    synthesise: (input) => api.synthesise(workshopId, input),
  };
}
