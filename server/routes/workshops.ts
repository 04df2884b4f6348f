import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import {
  clusterCreatedResponseSchema,
  createClusterInputSchema,
  createNoteInputSchema,
  createWorkshopInputSchema,
  editNoteInputSchema,
  facilitationInputSchema,
  guestCodeSchema,
  guestInvitationResponseSchema,
  guestJoinedResponseSchema,
  idSchema,
  joinAsGuestInputSchema,
  noteCreatedResponseSchema,
  placeNoteInputSchema,
  renameClusterInputSchema,
  synthesisInputSchema,
  synthesisResponseSchema,
  voteInputSchema,
  voteResponseSchema,
  workshopDetailResponseSchema,
  workshopListResponseSchema,
  workshopResponseSchema,
} from '../../shared/api';
import type { ServiceDeps } from '../services/context';
import { guestInvitation, joinAsGuest } from '../services/workshop-guests';
import { exportBoard, synthesize } from '../services/workshop-synthesis';
import * as workshops from '../services/workshops';
import { errorResponses, jsonBody, jsonResponse, newRouter, SESSION_SECURITY } from './openapi';
import { requireParticipant, requireUser, setSessionCookie } from './session';

const tags = ['Workshops'];
const security = SESSION_SECURITY;
const project = z.object({ projectId: idSchema });
const params = z.object({ workshopId: idSchema });
const noteParams = params.extend({ noteId: idSchema });
const clusterParams = params.extend({ clusterId: idSchema });
const noContent = { 204: { description: 'Done' }, ...errorResponses };

const routes = {
  create: createRoute({
    method: 'post', path: '/projects/{projectId}/workshops', tags, security,
    summary: 'Create a workshop from a format, with its agenda (workshop.facilitate)',
    request: { params: project, ...jsonBody(createWorkshopInputSchema) },
    responses: { 201: jsonResponse(workshopResponseSchema, 'The workshop'), ...errorResponses },
  }),
  list: createRoute({
    method: 'get', path: '/projects/{projectId}/workshops', tags, security,
    summary: 'The project’s workshops (document.read)',
    request: { params: project },
    responses: { 200: jsonResponse(workshopListResponseSchema, 'Workshops'), ...errorResponses },
  }),
  get: createRoute({
    method: 'get', path: '/workshops/{workshopId}', tags, security,
    summary: 'A workshop as the caller takes part in it: their role, notes and dots (document.read, or its guests)',
    request: { params },
    responses: { 200: jsonResponse(workshopDetailResponseSchema, 'The workshop'), ...errorResponses },
  }),
  addNote: createRoute({
    method: 'post', path: '/workshops/{workshopId}/notes', tags, security,
    summary: 'Write a sticky note, perhaps anonymously (document.comment, or its guests)',
    request: { params, ...jsonBody(createNoteInputSchema) },
    responses: { 201: jsonResponse(noteCreatedResponseSchema, 'The note'), ...errorResponses },
  }),
  editNote: createRoute({
    method: 'patch', path: '/workshops/{workshopId}/notes/{noteId}', tags, security,
    summary: 'Change one’s own note (its author)',
    request: { params: noteParams, ...jsonBody(editNoteInputSchema) },
    responses: noContent,
  }),
  removeNote: createRoute({
    method: 'delete', path: '/workshops/{workshopId}/notes/{noteId}', tags, security,
    summary: 'Remove a note (its author, or a facilitator)',
    request: { params: noteParams },
    responses: noContent,
  }),
  placeNote: createRoute({
    method: 'put', path: '/workshops/{workshopId}/notes/{noteId}/cluster', tags, security,
    summary: 'Put a note in a cluster of its column, or take it out (document.edit)',
    request: { params: noteParams, ...jsonBody(placeNoteInputSchema) },
    responses: noContent,
  }),
  vote: createRoute({
    method: 'put', path: '/workshops/{workshopId}/votes/{noteId}', tags, security,
    summary: 'Put some of one’s dots on a note, within one’s budget (document.comment, or its guests)',
    request: { params: noteParams, ...jsonBody(voteInputSchema) },
    responses: { 200: jsonResponse(voteResponseSchema, 'Dots left'), ...errorResponses },
  }),
  createCluster: createRoute({
    method: 'post', path: '/workshops/{workshopId}/clusters', tags, security,
    summary: 'Group notes of a column under a title (document.edit)',
    request: { params, ...jsonBody(createClusterInputSchema) },
    responses: { 201: jsonResponse(clusterCreatedResponseSchema, 'The cluster'), ...errorResponses },
  }),
  renameCluster: createRoute({
    method: 'patch', path: '/workshops/{workshopId}/clusters/{clusterId}', tags, security,
    summary: 'Rename a cluster (document.edit)',
    request: { params: clusterParams, ...jsonBody(renameClusterInputSchema) },
    responses: noContent,
  }),
  removeCluster: createRoute({
    method: 'delete', path: '/workshops/{workshopId}/clusters/{clusterId}', tags, security,
    summary: 'Ungroup a cluster; its notes stay (document.edit)',
    request: { params: clusterParams },
    responses: noContent,
  }),
  facilitate: createRoute({
    method: 'post', path: '/workshops/{workshopId}/facilitation', tags, security,
    summary: 'Move the agenda, run the timer, reveal authors or dots, lock or end the board (workshop.facilitate)',
    request: { params, ...jsonBody(facilitationInputSchema) },
    responses: noContent,
  }),
  synthesis: createRoute({
    method: 'post', path: '/workshops/{workshopId}/synthesis', tags, security,
    summary: 'Write the most voted clusters up as a lessons-learned record or a section of a capitalisation note (workshop.facilitate)',
    request: { params, ...jsonBody(synthesisInputSchema) },
    responses: { 201: jsonResponse(synthesisResponseSchema, 'The document written'), ...errorResponses },
  }),
  export: createRoute({
    method: 'get', path: '/workshops/{workshopId}/export', tags, security,
    summary: 'The whole board as Markdown, as the caller may see it (document.read, or its guests)',
    request: { params },
    responses: { 200: { description: 'Markdown', content: { 'text/markdown': { schema: z.string() } } }, ...errorResponses },
  }),
  invitation: createRoute({
    method: 'get', path: '/workshop-invitations/{code}', tags,
    summary: 'What a guest code opens, before joining (public; wrong codes are throttled)',
    request: { params: z.object({ code: guestCodeSchema }) },
    responses: { 200: jsonResponse(guestInvitationResponseSchema, 'The workshop'), ...errorResponses },
  }),
  join: createRoute({
    method: 'post', path: '/workshop-invitations/{code}/join', tags,
    summary: 'Join a workshop as a guest with a name and an organisation: a session that reaches that workshop only (public)',
    request: { params: z.object({ code: guestCodeSchema }), ...jsonBody(joinAsGuestInputSchema) },
    responses: { 201: jsonResponse(guestJoinedResponseSchema, 'Joined'), ...errorResponses },
  }),
};

export function workshopRoutes(deps: ServiceDeps, options: { secureCookies: boolean }) {
  return newRouter()
    .openapi(routes.create, async (c) =>
      c.json({ workshop: await workshops.createWorkshop(deps, requireUser(c), c.req.valid('param').projectId, c.req.valid('json')) }, 201),
    )
    .openapi(routes.list, async (c) => c.json({ workshops: await workshops.listWorkshops(deps, requireUser(c), c.req.valid('param').projectId) }, 200))
    .openapi(routes.get, async (c) => c.json(await workshops.workshopDetail(deps, requireParticipant(c), c.req.valid('param').workshopId), 200))
    .openapi(routes.addNote, async (c) => {
      const noteId = await workshops.addNote(deps, requireParticipant(c), c.req.valid('param').workshopId, c.req.valid('json'));
      return c.json({ noteId }, 201);
    })
    .openapi(routes.editNote, async (c) => {
      const { workshopId, noteId } = c.req.valid('param');
      await workshops.editNote(deps, requireParticipant(c), workshopId, noteId, c.req.valid('json').text);
      return c.body(null, 204);
    })
    .openapi(routes.removeNote, async (c) => {
      const { workshopId, noteId } = c.req.valid('param');
      await workshops.removeNote(deps, requireParticipant(c), workshopId, noteId);
      return c.body(null, 204);
    })
    .openapi(routes.placeNote, async (c) => {
      const { workshopId, noteId } = c.req.valid('param');
      await workshops.placeNote(deps, requireParticipant(c), workshopId, noteId, c.req.valid('json').clusterId);
      return c.body(null, 204);
    })
    .openapi(routes.vote, async (c) => {
      const { workshopId, noteId } = c.req.valid('param');
      return c.json({ votesLeft: await workshops.vote(deps, requireParticipant(c), workshopId, noteId, c.req.valid('json').count) }, 200);
    })
    .openapi(routes.createCluster, async (c) => {
      const clusterId = await workshops.createCluster(deps, requireParticipant(c), c.req.valid('param').workshopId, c.req.valid('json'));
      return c.json({ clusterId }, 201);
    })
    .openapi(routes.renameCluster, async (c) => {
      const { workshopId, clusterId } = c.req.valid('param');
      await workshops.renameCluster(deps, requireParticipant(c), workshopId, clusterId, c.req.valid('json').title);
      return c.body(null, 204);
    })
    .openapi(routes.removeCluster, async (c) => {
      const { workshopId, clusterId } = c.req.valid('param');
      await workshops.removeCluster(deps, requireParticipant(c), workshopId, clusterId);
      return c.body(null, 204);
    })
    .openapi(routes.facilitate, async (c) => {
      await workshops.facilitate(deps, requireParticipant(c), c.req.valid('param').workshopId, c.req.valid('json'));
      return c.body(null, 204);
    })
    .openapi(routes.synthesis, async (c) =>
      c.json({ document: await synthesize(deps, requireParticipant(c), c.req.valid('param').workshopId, c.req.valid('json')) }, 201),
    )
    .openapi(routes.export, async (c) => {
      const { filename, markdown } = await exportBoard(deps, requireParticipant(c), c.req.valid('param').workshopId);
      return c.body(markdown, 200, {
        'content-type': 'text/markdown; charset=utf-8',
        'content-disposition': `attachment; filename="${filename}"`,
      });
    })
    .openapi(routes.invitation, async (c) => c.json(await guestInvitation(deps, c.req.valid('param').code, c.get('clientAddress')), 200))
    .openapi(routes.join, async (c) => {
      const joined = await joinAsGuest(deps, c.req.valid('param').code, c.req.valid('json'), c.get('clientAddress'));
      setSessionCookie(c, joined.token, joined.expiresAt - deps.clock(), options.secureCookies);
      return c.json({ workshopId: joined.workshopId }, 201);
    });
}
