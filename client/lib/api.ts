import { z } from 'zod';
import {
  changePasswordInputSchema,
  changeStatusInputSchema,
  createThreadInputSchema,
  createVersionInputSchema,
  creditInputSchema,
  editMessageInputSchema,
  markReadInputSchema,
  reanchorInputSchema,
  replyInputSchema,
  threadStatusInputSchema,
  createDocumentInputSchema,
  createInvitationInputSchema,
  createOrganisationInputSchema,
  createProjectInputSchema,
  demoInputSchema,
  logInInputSchema,
  signUpInputSchema,
  updateDocumentInputSchema,
  updateMemberInputSchema,
  updateProfileInputSchema,
  updateProjectInputSchema,
  type AcceptInvitationResponse,
  type ChangePasswordInput,
  type AttributionResponse,
  type ChangeStatusInput,
  type ContributionMap,
  type ContributionTimeline,
  type CreateVersionInput,
  type RestoreResponse,
  type Version,
  type VersionComparison,
  type VersionContentResponse,
  type CreateThreadInput,
  type CreditInput,
  type EditMessageInput,
  type MarkReadInput,
  type MessageCreatedResponse,
  type NotificationsResponse,
  type ReanchorInput,
  type ReplyInput,
  type ThreadCreatedResponse,
  type ThreadStatusInput,
  type CreatedInvitationResponse,
  type CreateDocumentInput,
  type CreateInvitationInput,
  type CreateOrganisationInput,
  type CreateProjectInput,
  type DemoInput,
  type DemoResponse,
  type DocumentDetail,
  type DocumentLinksResponse,
  type DocumentSummary,
  type InstanceStatusResponse,
  type Invitation,
  type InvitationPreview,
  type LogInInput,
  type Me,
  type Member,
  type Organisation,
  type Project,
  type SignUpInput,
  type UpdateDocumentInput,
  type UpdateMemberInput,
  type UpdateProfileInput,
  type UpdateProjectInput,
  createClusterInputSchema,
  createNoteInputSchema,
  createWorkshopInputSchema,
  editNoteInputSchema,
  facilitationInputSchema,
  guestCodeSchema,
  joinAsGuestInputSchema,
  placeNoteInputSchema,
  renameClusterInputSchema,
  synthesisInputSchema,
  voteInputSchema,
  type CreateClusterInput,
  type CreateNoteInput,
  type CreateWorkshopInput,
  type FacilitationInput,
  type GuestInvitationResponse,
  type JoinAsGuestInput,
  type SynthesisInput,
  type Workshop,
  type WorkshopDetailResponse,
  searchQuerySchema,
  type SearchQuery,
  type SearchResponse,
  importInputSchema,
  type ExportFormat,
  type ImportInput,
  type ProjectExport,
  type ProjectExportResponse,
} from '../../shared/api';
import { ERROR_CODES, type ErrorCode } from '../../shared/errors';

/**
 * What can go wrong from the client's side of the wire: the server's own
 * codes, plus no answer at all and an answer that is not the API's.
 */
export type ApiErrorCode = ErrorCode | 'network_error' | 'unexpected_response';

export class ApiError extends Error {
  override readonly name = 'ApiError';

  constructor(
    /** The HTTP status, or 0 when no response arrived. */
    readonly status: number,
    readonly code: ApiErrorCode,
    message: string,
    /** From a 429's `retry-after` header: how long until trying again is worth it. */
    readonly retryAfterSeconds: number | null = null,
  ) {
    super(message);
  }
}

export function isApiError(error: unknown, code: ApiErrorCode): error is ApiError {
  return error instanceof ApiError && error.code === code;
}

/** A slow mobile link should still get an answer; a dead one should not leave a spinner forever. */
const REQUEST_TIMEOUT_MS = 20_000;

const errorBodySchema = z.object({
  error: z.object({ code: z.enum(ERROR_CODES), message: z.string() }),
});

const JSON_ACCEPT = { accept: 'application/json' };
// The server refuses a state-changing request without it: a cross-site form cannot send this type.
const JSON_BODY = { ...JSON_ACCEPT, 'content-type': 'application/json' };

/** Checks input against the schema the server uses, so a bad value fails before the request, still as an ApiError. */
function validInput<Output, Input>(schema: z.ZodType<Output, Input>, input: Input): Output {
  const result = schema.safeParse(input);
  if (!result.success) throw new ApiError(0, 'validation_failed', z.prettifyError(result.error));
  return result.data;
}

function retryAfterOf(response: Response): number | null {
  const seconds = Number(response.headers.get('retry-after'));
  return Number.isFinite(seconds) && seconds > 0 ? seconds : null;
}

export type Fetch = (input: string, init?: RequestInit) => Promise<Response>;

export interface ApiClientOptions {
  fetch?: Fetch;
  /** Called when any request answers 401 `unauthenticated`: the session is gone. */
  onUnauthenticated?: () => void;
}

export interface ApiClient {
  signUp(input: SignUpInput): Promise<Me>;
  logIn(input: LogInInput): Promise<Me>;
  logOut(): Promise<void>;
  getMe(): Promise<Me>;
  updateMe(input: UpdateProfileInput): Promise<Me>;
  changePassword(input: ChangePasswordInput): Promise<void>;

  /** Whether nobody has an account yet: then the sample programme is offered. */
  instanceStatus(): Promise<InstanceStatusResponse>;
  /** On an empty instance only: creates the sample programme and logs in as its owner. */
  createDemo(input: DemoInput): Promise<DemoResponse>;

  listOrganisations(): Promise<Organisation[]>;
  createOrganisation(input: CreateOrganisationInput): Promise<Organisation>;

  listProjects(): Promise<Project[]>;
  createProject(input: CreateProjectInput): Promise<Project>;
  getProject(id: string): Promise<Project>;
  updateProject(id: string, input: UpdateProjectInput): Promise<Project>;

  listMembers(projectId: string): Promise<Member[]>;
  updateMember(projectId: string, userId: string, input: UpdateMemberInput): Promise<Member>;
  removeMember(projectId: string, userId: string): Promise<void>;

  addPartner(projectId: string, organisationId: string): Promise<Organisation>;
  removePartner(projectId: string, organisationId: string): Promise<void>;

  listInvitations(projectId: string): Promise<Invitation[]>;
  createInvitation(projectId: string, input: CreateInvitationInput): Promise<CreatedInvitationResponse>;
  revokeInvitation(projectId: string, invitationId: string): Promise<void>;
  previewInvitation(token: string): Promise<InvitationPreview>;
  acceptInvitation(token: string): Promise<string>;

  listDocuments(projectId: string): Promise<DocumentSummary[]>;
  createDocument(projectId: string, input: CreateDocumentInput): Promise<DocumentSummary>;
  getDocument(id: string): Promise<DocumentDetail>;
  updateDocument(id: string, input: UpdateDocumentInput): Promise<DocumentSummary>;
  changeDocumentStatus(id: string, input: ChangeStatusInput): Promise<DocumentSummary>;
  documentLinks(id: string): Promise<DocumentLinksResponse>;
  /** Makes a lessons-learned record from a trial-and-error entry; the record links back to it. */
  promoteTrialEntry(documentId: string, entryId: string): Promise<DocumentSummary>;
  /** Annotates the quoted words of a document; the thread reaches everyone through the document's discussion. */
  createThread(documentId: string, input: CreateThreadInput): Promise<ThreadCreatedResponse>;
  reply(documentId: string, threadId: string, input: ReplyInput): Promise<MessageCreatedResponse>;
  /** One's own messages only. */
  editMessage(documentId: string, threadId: string, messageId: string, input: EditMessageInput): Promise<void>;
  deleteMessage(documentId: string, threadId: string, messageId: string): Promise<void>;
  setThreadStatus(documentId: string, threadId: string, input: ThreadStatusInput): Promise<void>;
  /** Moves a thread onto new positions of the very words it quotes (after the editor rewrote their paragraph); 409 `anchor_mismatch` otherwise. */
  reanchorThread(documentId: string, threadId: string, input: ReanchorInput): Promise<void>;
  /** Credits the characters the accepting editor's client wrote for a suggestion to its author; once, by that editor only. */
  creditSuggestion(documentId: string, threadId: string, input: CreditInput): Promise<void>;
  /** Whose each Yjs client id of the document is, for the authorship view. */
  attribution(documentId: string): Promise<AttributionResponse>;
  /** Who wrote how much of the document, by organisation, kind of stakeholder and person. */
  documentContributions(documentId: string): Promise<ContributionMap>;
  /** The same, over every document of the project. */
  projectContributions(projectId: string): Promise<ContributionMap>;
  /** Characters per person at each version of the document. */
  documentTimeline(documentId: string): Promise<ContributionTimeline>;
  /** Characters per person, each day a version of one of the project's documents was taken. */
  projectTimeline(projectId: string): Promise<ContributionTimeline>;
  /** The document's versions, newest first. */
  listVersions(documentId: string): Promise<Version[]>;
  /** Names the document as it is now: a new version. */
  nameVersion(documentId: string, input: CreateVersionInput): Promise<Version>;
  /** The whole document at a version, as a Yjs update to show read-only. */
  versionContent(documentId: string, versionId: string): Promise<VersionContentResponse>;
  /** What changed from one version to another, or to the document as it is now when `to` is null. */
  compareVersions(documentId: string, versionId: string, to: string | null): Promise<VersionComparison>;
  /** Writes a version's content on top, as a new change; restoring the answer's `previous` undoes it. */
  restoreVersion(documentId: string, versionId: string): Promise<RestoreResponse>;
  notifications(): Promise<NotificationsResponse>;
  markNotificationsRead(input: MarkReadInput): Promise<void>;

  listWorkshops(projectId: string): Promise<Workshop[]>;
  /** Project facilitators and owners only. */
  createWorkshop(projectId: string, input: CreateWorkshopInput): Promise<Workshop>;
  /** The workshop as I see it: my role, my notes and dots, and the server's clock. */
  getWorkshop(id: string): Promise<WorkshopDetailResponse>;
  /** The note's id; it reaches everyone through the board. */
  addNote(workshopId: string, input: CreateNoteInput): Promise<string>;
  /** One's own notes only. */
  editNote(workshopId: string, noteId: string, text: string): Promise<void>;
  /** One's own notes, or any for a facilitator. */
  deleteNote(workshopId: string, noteId: string): Promise<void>;
  /** Into a cluster of its column, or out of any (null). */
  placeNote(workshopId: string, noteId: string, clusterId: string | null): Promise<void>;
  /** The cluster's id. */
  createCluster(workshopId: string, input: CreateClusterInput): Promise<string>;
  renameCluster(workshopId: string, clusterId: string, title: string): Promise<void>;
  /** Its notes go back unclustered. */
  deleteCluster(workshopId: string, clusterId: string): Promise<void>;
  /** Sets how many of my dots are on the note; answers the dots I have left (409 `vote_budget_exceeded` past the budget). */
  vote(workshopId: string, noteId: string, count: number): Promise<number>;
  /** Facilitators only: the step, the timer, reveals, the lock, the end. */
  facilitate(workshopId: string, input: FacilitationInput): Promise<void>;
  /** Facilitators only: the top clusters written up in a document, which it answers. */
  synthesise(workshopId: string, input: SynthesisInput): Promise<DocumentSummary>;
  /** Public: what a guest code is for. */
  previewGuestInvitation(code: string): Promise<GuestInvitationResponse['workshop']>;
  /** Starts a guest session (its cookie) limited to the workshop, whose id it answers. */
  joinAsGuest(code: string, input: JoinAsGuestInput): Promise<string>;

  /** What matches the words among what I may see, best first; `signal` cancels a search nobody waits for any more. */
  search(query: SearchQuery, signal?: AbortSignal): Promise<SearchResponse>;

  /** The document as a file, with a title page and, when asked, its annotations as footnotes. */
  exportDocument(documentId: string, format: ExportFormat, annotations: boolean): Promise<DownloadedFile>;
  /** A Markdown or Word file as a new document of the project. */
  importDocument(projectId: string, input: ImportInput): Promise<DocumentSummary>;
  /** Starts making the project's archive (or answers the one being made). */
  startProjectExport(projectId: string): Promise<ProjectExport>;
  projectExport(projectId: string, exportId: string): Promise<ProjectExport>;
  downloadProjectExport(projectId: string, exportId: string): Promise<DownloadedFile>;
}

/** A file downloaded from the API, and the name the server gave it. */
export interface DownloadedFile {
  blob: Blob;
  filename: string;
}

/** Files take longer to make and to carry than JSON: an upload of several megabytes on a phone, a project's archive. */
const TRANSFER_TIMEOUT_MS = 180_000;

/** The file name of a Content-Disposition header (its UTF-8 form when there is one). */
export function filenameOf(response: Response): string {
  const header = response.headers.get('content-disposition') ?? '';
  const encoded = /filename\*=UTF-8''([^;]+)/i.exec(header)?.[1];
  if (encoded) {
    try {
      return decodeURIComponent(encoded);
    } catch {
      // Badly encoded: the plain name below serves.
    }
  }
  return /filename="([^"]*)"/i.exec(header)?.[1] || 'download';
}

/** The workshop's board as Markdown, downloaded by a plain link (the session cookie goes with it). */
export function workshopExportUrl(workshopId: string): string {
  return `/api/v1${path`/workshops/${workshopId}/export`}`;
}

/** `/segment/<id>/…`, each id encoded so no value can change the path. */
function path(strings: TemplateStringsArray, ...ids: string[]): string {
  return strings.reduce((built, part, index) => built + part + (index < ids.length ? encodeURIComponent(ids[index] ?? '') : ''), '');
}

/** The one way the client speaks HTTP to the server; every failure becomes an `ApiError`. */
export function createApiClient(options: ApiClientOptions = {}): ApiClient {
  const fetchImpl: Fetch = options.fetch ?? ((input, init) => fetch(input, init));

  async function request<T>(method: string, url: string, body?: unknown, cancel?: AbortSignal, timeoutMs = REQUEST_TIMEOUT_MS): Promise<T> {
    const timeout = AbortSignal.timeout(timeoutMs);
    let response: Response;
    try {
      response = await fetchImpl(`/api/v1${url}`, {
        method,
        headers: body === undefined && method === 'GET' ? JSON_ACCEPT : JSON_BODY,
        body: body === undefined ? null : JSON.stringify(body),
        credentials: 'same-origin',
        signal: cancel === undefined ? timeout : AbortSignal.any([timeout, cancel]),
      });
    } catch (cause) {
      throw new ApiError(0, 'network_error', cause instanceof Error ? cause.message : String(cause));
    }
    if (response.status === 204) return undefined as T;
    const payload: unknown = await response.json().catch(() => undefined);
    if (response.ok && payload !== undefined) return payload as T;
    throw failure(response, payload, `${method} ${url}`);
  }

  /** What a failed response says, as an ApiError; a 401 also tells the app its session is gone. */
  function failure(response: Response, payload: unknown, what: string): ApiError {
    const parsed = errorBodySchema.safeParse(payload);
    if (!response.ok && parsed.success) {
      const { code, message } = parsed.data.error;
      if (code === 'unauthenticated') options.onUnauthenticated?.();
      return new ApiError(response.status, code, message, retryAfterOf(response));
    }
    return new ApiError(response.status, 'unexpected_response', `${what} answered ${response.status}`);
  }

  /** A file the server makes (an export), with the name it gives it. */
  async function download(url: string): Promise<DownloadedFile> {
    let response: Response;
    let blob: Blob | undefined;
    try {
      response = await fetchImpl(`/api/v1${url}`, { credentials: 'same-origin', signal: AbortSignal.timeout(TRANSFER_TIMEOUT_MS) });
      if (response.ok) blob = await response.blob();
    } catch (cause) {
      throw new ApiError(0, 'network_error', cause instanceof Error ? cause.message : String(cause));
    }
    if (blob) return { blob, filename: filenameOf(response) };
    throw failure(response, await response.json().catch(() => undefined), `GET ${url}`);
  }

  const get = <T>(url: string) => request<T>('GET', url);
  const send = <T>(method: 'POST' | 'PUT' | 'PATCH' | 'DELETE', url: string, body?: unknown) => request<T>(method, url, body);

  type User = { user: Me };
  type OneProject = { project: Project };
  type OneDocument = { document: DocumentSummary };

  return {
    async signUp(input) {
      return (await send<User>('POST', '/auth/signup', validInput(signUpInputSchema, input))).user;
    },
    async logIn(input) {
      return (await send<User>('POST', '/auth/login', validInput(logInInputSchema, input))).user;
    },
    logOut: () => send<void>('POST', '/auth/logout'),
    async getMe() {
      return (await get<User>('/auth/me')).user;
    },
    async updateMe(input) {
      return (await send<User>('PATCH', '/auth/me', validInput(updateProfileInputSchema, input))).user;
    },
    changePassword: (input) => send<void>('POST', '/auth/password', validInput(changePasswordInputSchema, input)),

    instanceStatus: () => get<InstanceStatusResponse>('/instance'),
    createDemo: (input) => send<DemoResponse>('POST', '/instance/demo', validInput(demoInputSchema, input)),

    async listOrganisations() {
      return (await get<{ organisations: Organisation[] }>('/organisations')).organisations;
    },
    async createOrganisation(input) {
      const body = validInput(createOrganisationInputSchema, input);
      return (await send<{ organisation: Organisation }>('POST', '/organisations', body)).organisation;
    },

    async listProjects() {
      return (await get<{ projects: Project[] }>('/projects')).projects;
    },
    async createProject(input) {
      return (await send<OneProject>('POST', '/projects', validInput(createProjectInputSchema, input))).project;
    },
    async getProject(id) {
      return (await get<OneProject>(path`/projects/${id}`)).project;
    },
    async updateProject(id, input) {
      return (await send<OneProject>('PATCH', path`/projects/${id}`, validInput(updateProjectInputSchema, input))).project;
    },

    async listMembers(projectId) {
      return (await get<{ members: Member[] }>(path`/projects/${projectId}/members`)).members;
    },
    async updateMember(projectId, userId, input) {
      const body = validInput(updateMemberInputSchema, input);
      return (await send<{ member: Member }>('PATCH', path`/projects/${projectId}/members/${userId}`, body)).member;
    },
    removeMember: (projectId, userId) => send<void>('DELETE', path`/projects/${projectId}/members/${userId}`),

    async addPartner(projectId, organisationId) {
      const url = path`/projects/${projectId}/partners`;
      return (await send<{ organisation: Organisation }>('POST', url, { organisationId })).organisation;
    },
    removePartner: (projectId, organisationId) =>
      send<void>('DELETE', path`/projects/${projectId}/partners/${organisationId}`),

    async listInvitations(projectId) {
      return (await get<{ invitations: Invitation[] }>(path`/projects/${projectId}/invitations`)).invitations;
    },
    createInvitation: (projectId, input) =>
      send<CreatedInvitationResponse>(
        'POST',
        path`/projects/${projectId}/invitations`,
        validInput(createInvitationInputSchema, input),
      ),
    revokeInvitation: (projectId, invitationId) =>
      send<void>('DELETE', path`/projects/${projectId}/invitations/${invitationId}`),
    async previewInvitation(token) {
      return (await get<{ invitation: InvitationPreview }>(path`/invitations/${token}`)).invitation;
    },
    async acceptInvitation(token) {
      return (await send<AcceptInvitationResponse>('POST', path`/invitations/${token}/accept`)).projectId;
    },

    async listDocuments(projectId) {
      return (await get<{ documents: DocumentSummary[] }>(path`/projects/${projectId}/documents`)).documents;
    },
    async createDocument(projectId, input) {
      const body = validInput(createDocumentInputSchema, input);
      return (await send<OneDocument>('POST', path`/projects/${projectId}/documents`, body)).document;
    },
    async getDocument(id) {
      return (await get<{ document: DocumentDetail }>(path`/documents/${id}`)).document;
    },
    async updateDocument(id, input) {
      return (await send<OneDocument>('PATCH', path`/documents/${id}`, validInput(updateDocumentInputSchema, input))).document;
    },
    async changeDocumentStatus(id, input) {
      const body = validInput(changeStatusInputSchema, input);
      return (await send<OneDocument>('POST', path`/documents/${id}/status`, body)).document;
    },
    async documentLinks(id) {
      return get<DocumentLinksResponse>(path`/documents/${id}/links`);
    },
    async promoteTrialEntry(documentId, entryId) {
      return (await send<OneDocument>('POST', path`/documents/${documentId}/trial-entries/${entryId}/promotion`, {})).document;
    },
    async createThread(documentId, input) {
      return send<ThreadCreatedResponse>('POST', path`/documents/${documentId}/threads`, validInput(createThreadInputSchema, input));
    },
    async reply(documentId, threadId, input) {
      const body = validInput(replyInputSchema, input);
      return send<MessageCreatedResponse>('POST', path`/documents/${documentId}/threads/${threadId}/messages`, body);
    },
    async editMessage(documentId, threadId, messageId, input) {
      const body = validInput(editMessageInputSchema, input);
      await send('PATCH', path`/documents/${documentId}/threads/${threadId}/messages/${messageId}`, body);
    },
    async deleteMessage(documentId, threadId, messageId) {
      await send('DELETE', path`/documents/${documentId}/threads/${threadId}/messages/${messageId}`);
    },
    async setThreadStatus(documentId, threadId, input) {
      const body = validInput(threadStatusInputSchema, input);
      await send('POST', path`/documents/${documentId}/threads/${threadId}/status`, body);
    },
    async reanchorThread(documentId, threadId, input) {
      const body = validInput(reanchorInputSchema, input);
      await send('PUT', path`/documents/${documentId}/threads/${threadId}/anchor`, body);
    },
    async creditSuggestion(documentId, threadId, input) {
      const body = validInput(creditInputSchema, input);
      await send('POST', path`/documents/${documentId}/threads/${threadId}/credit`, body);
    },
    async attribution(documentId) {
      return get<AttributionResponse>(path`/documents/${documentId}/attribution`);
    },
    async documentContributions(documentId) {
      return (await get<{ contributions: ContributionMap }>(path`/documents/${documentId}/contributions`)).contributions;
    },
    async projectContributions(projectId) {
      return (await get<{ contributions: ContributionMap }>(path`/projects/${projectId}/contributions`)).contributions;
    },
    async documentTimeline(documentId) {
      return get<ContributionTimeline>(path`/documents/${documentId}/contributions/timeline`);
    },
    async projectTimeline(projectId) {
      return get<ContributionTimeline>(path`/projects/${projectId}/contributions/timeline`);
    },
    async listVersions(documentId) {
      return (await get<{ versions: Version[] }>(path`/documents/${documentId}/versions`)).versions;
    },
    async nameVersion(documentId, input) {
      const body = validInput(createVersionInputSchema, input);
      return (await send<{ version: Version }>('POST', path`/documents/${documentId}/versions`, body)).version;
    },
    async versionContent(documentId, versionId) {
      return get<VersionContentResponse>(path`/documents/${documentId}/versions/${versionId}`);
    },
    async compareVersions(documentId, versionId, to) {
      const query = to === null ? '' : `?to=${encodeURIComponent(to)}`;
      return get<VersionComparison>(path`/documents/${documentId}/versions/${versionId}/comparison` + query);
    },
    async restoreVersion(documentId, versionId) {
      return send<RestoreResponse>('POST', path`/documents/${documentId}/versions/${versionId}/restore`);
    },
    async notifications() {
      return get<NotificationsResponse>('/notifications');
    },
    async markNotificationsRead(input) {
      await send('POST', '/notifications/read', validInput(markReadInputSchema, input));
    },

    async listWorkshops(projectId) {
      return (await get<{ workshops: Workshop[] }>(path`/projects/${projectId}/workshops`)).workshops;
    },
    async createWorkshop(projectId, input) {
      const body = validInput(createWorkshopInputSchema, input);
      return (await send<{ workshop: Workshop }>('POST', path`/projects/${projectId}/workshops`, body)).workshop;
    },
    getWorkshop: (id) => get<WorkshopDetailResponse>(path`/workshops/${id}`),
    async addNote(workshopId, input) {
      const body = validInput(createNoteInputSchema, input);
      return (await send<{ noteId: string }>('POST', path`/workshops/${workshopId}/notes`, body)).noteId;
    },
    async editNote(workshopId, noteId, text) {
      await send('PATCH', path`/workshops/${workshopId}/notes/${noteId}`, validInput(editNoteInputSchema, { text }));
    },
    async deleteNote(workshopId, noteId) {
      await send('DELETE', path`/workshops/${workshopId}/notes/${noteId}`);
    },
    async placeNote(workshopId, noteId, clusterId) {
      await send('PUT', path`/workshops/${workshopId}/notes/${noteId}/cluster`, validInput(placeNoteInputSchema, { clusterId }));
    },
    async createCluster(workshopId, input) {
      const body = validInput(createClusterInputSchema, input);
      return (await send<{ clusterId: string }>('POST', path`/workshops/${workshopId}/clusters`, body)).clusterId;
    },
    async renameCluster(workshopId, clusterId, title) {
      await send('PATCH', path`/workshops/${workshopId}/clusters/${clusterId}`, validInput(renameClusterInputSchema, { title }));
    },
    async deleteCluster(workshopId, clusterId) {
      await send('DELETE', path`/workshops/${workshopId}/clusters/${clusterId}`);
    },
    async vote(workshopId, noteId, count) {
      const body = validInput(voteInputSchema, { count });
      return (await send<{ votesLeft: number }>('PUT', path`/workshops/${workshopId}/votes/${noteId}`, body)).votesLeft;
    },
    async facilitate(workshopId, input) {
      await send('POST', path`/workshops/${workshopId}/facilitation`, validInput(facilitationInputSchema, input));
    },
    async synthesise(workshopId, input) {
      return (await send<OneDocument>('POST', path`/workshops/${workshopId}/synthesis`, validInput(synthesisInputSchema, input))).document;
    },
    async previewGuestInvitation(code) {
      const valid = validInput(guestCodeSchema, code);
      return (await get<GuestInvitationResponse>(path`/workshop-invitations/${valid}`)).workshop;
    },
    async joinAsGuest(code, input) {
      const body = validInput(joinAsGuestInputSchema, input);
      return (await send<{ workshopId: string }>('POST', path`/workshop-invitations/${validInput(guestCodeSchema, code)}/join`, body)).workshopId;
    },

    async search(query, signal) {
      const params = new URLSearchParams();
      for (const [name, value] of Object.entries(validInput(searchQuerySchema, query))) {
        if (value !== undefined) params.set(name, String(value));
      }
      return request<SearchResponse>('GET', `/search?${params.toString()}`, undefined, signal);
    },

    exportDocument: (documentId, format, annotations) =>
      download(`${path`/documents/${documentId}/export`}?${new URLSearchParams({ format, annotations: String(annotations) }).toString()}`),
    async importDocument(projectId, input) {
      const body = validInput(importInputSchema, input);
      return (await request<OneDocument>('POST', path`/projects/${projectId}/imports`, body, undefined, TRANSFER_TIMEOUT_MS)).document;
    },
    async startProjectExport(projectId) {
      return (await send<ProjectExportResponse>('POST', path`/projects/${projectId}/exports`)).export;
    },
    async projectExport(projectId, exportId) {
      return (await get<ProjectExportResponse>(path`/projects/${projectId}/exports/${exportId}`)).export;
    },
    downloadProjectExport: (projectId, exportId) => download(path`/projects/${projectId}/exports/${exportId}/download`),
  };
}
