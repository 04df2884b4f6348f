import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import {
  addPartnerInputSchema,
  contributionMapResponseSchema,
  contributionTimelineResponseSchema,
  createDocumentInputSchema,
  createdInvitationResponseSchema,
  createInvitationInputSchema,
  createProjectInputSchema,
  documentListResponseSchema,
  documentResponseSchema,
  idSchema,
  invitationListResponseSchema,
  memberListResponseSchema,
  memberResponseSchema,
  organisationResponseSchema,
  projectListResponseSchema,
  projectResponseSchema,
  updateMemberInputSchema,
  updateProjectInputSchema,
} from '../../shared/api';
import type { ServiceDeps } from '../services/context';
import { projectContributions } from '../services/attribution';
import * as documents from '../services/documents';
import * as invitations from '../services/invitations';
import * as members from '../services/members';
import * as projects from '../services/projects';
import { projectContributionTimeline } from '../services/versions';
import { errorResponses, jsonBody, jsonResponse, newRouter, noContent, SESSION_SECURITY } from './openapi';
import { requireUser } from './session';

const tags = ['Projects'];
const security = SESSION_SECURITY;
const project = z.object({ projectId: idSchema });
const member = project.extend({ userId: idSchema });
const partner = project.extend({ organisationId: idSchema });
const invitation = project.extend({ invitationId: idSchema });

const routes = {
  list: createRoute({
    method: 'get', path: '/', tags, security,
    summary: 'The projects the caller is a member of, with their role',
    responses: { 200: jsonResponse(projectListResponseSchema, 'My projects'), ...errorResponses },
  }),
  create: createRoute({
    method: 'post', path: '/', tags, security,
    summary: 'Create a project; the caller owns it and their organisation is a partner',
    request: jsonBody(createProjectInputSchema),
    responses: { 201: jsonResponse(projectResponseSchema, 'Created'), ...errorResponses },
  }),
  get: createRoute({
    method: 'get', path: '/{projectId}', tags, security, summary: 'A project (project.read)',
    request: { params: project },
    responses: { 200: jsonResponse(projectResponseSchema, 'The project'), ...errorResponses },
  }),
  update: createRoute({
    method: 'patch', path: '/{projectId}', tags, security, summary: 'Edit a project (project.update)',
    request: { params: project, ...jsonBody(updateProjectInputSchema) },
    responses: { 200: jsonResponse(projectResponseSchema, 'Updated'), ...errorResponses },
  }),
  members: createRoute({
    method: 'get', path: '/{projectId}/members', tags, security, summary: 'Members and roles (members.read)',
    request: { params: project },
    responses: { 200: jsonResponse(memberListResponseSchema, 'Members'), ...errorResponses },
  }),
  updateMember: createRoute({
    method: 'patch', path: '/{projectId}/members/{userId}', tags, security,
    summary: 'Change a member’s role (members.manage; never above one’s own)',
    request: { params: member, ...jsonBody(updateMemberInputSchema) },
    responses: { 200: jsonResponse(memberResponseSchema, 'Updated'), ...errorResponses },
  }),
  removeMember: createRoute({
    method: 'delete', path: '/{projectId}/members/{userId}', tags, security,
    summary: 'Remove a member (members.manage); their open connections lose access at once',
    request: { params: member },
    responses: { 204: noContent, ...errorResponses },
  }),
  addPartner: createRoute({
    method: 'post', path: '/{projectId}/partners', tags, security, summary: 'Add a partner organisation (partners.manage)',
    request: { params: project, ...jsonBody(addPartnerInputSchema) },
    responses: { 201: jsonResponse(organisationResponseSchema, 'Added'), ...errorResponses },
  }),
  removePartner: createRoute({
    method: 'delete', path: '/{projectId}/partners/{organisationId}', tags, security,
    summary: 'Remove a partner organisation (partners.manage)',
    request: { params: partner },
    responses: { 204: noContent, ...errorResponses },
  }),
  invitations: createRoute({
    method: 'get', path: '/{projectId}/invitations', tags, security, summary: 'Invitations (invitations.manage)',
    request: { params: project },
    responses: { 200: jsonResponse(invitationListResponseSchema, 'Invitations'), ...errorResponses },
  }),
  invite: createRoute({
    method: 'post', path: '/{projectId}/invitations', tags, security,
    summary: 'Create an invitation link (invitations.manage); the token is shown only once',
    request: { params: project, ...jsonBody(createInvitationInputSchema) },
    responses: { 201: jsonResponse(createdInvitationResponseSchema, 'Created'), ...errorResponses },
  }),
  revoke: createRoute({
    method: 'delete', path: '/{projectId}/invitations/{invitationId}', tags, security,
    summary: 'Revoke an invitation (invitations.manage)',
    request: { params: invitation },
    responses: { 204: noContent, ...errorResponses },
  }),
  documents: createRoute({
    method: 'get', path: '/{projectId}/documents', tags, security, summary: 'The project’s documents (document.read)',
    request: { params: project },
    responses: { 200: jsonResponse(documentListResponseSchema, 'Documents, latest activity first'), ...errorResponses },
  }),
  createDocument: createRoute({
    method: 'post', path: '/{projectId}/documents', tags, security, summary: 'Create a document (document.create)',
    request: { params: project, ...jsonBody(createDocumentInputSchema) },
    responses: { 201: jsonResponse(documentResponseSchema, 'Created'), ...errorResponses },
  }),
  contributions: createRoute({
    method: 'get', path: '/{projectId}/contributions', tags, security,
    summary: 'Who wrote how much of the project’s documents, by organisation, kind of stakeholder and person (document.read)',
    request: { params: project },
    responses: { 200: jsonResponse(contributionMapResponseSchema, 'The contribution map'), ...errorResponses },
  }),
  timeline: createRoute({
    method: 'get', path: '/{projectId}/contributions/timeline', tags, security,
    summary: 'Characters per person in the project’s documents at the end of each day a version was taken (document.read)',
    request: { params: project },
    responses: { 200: jsonResponse(contributionTimelineResponseSchema, 'The timeline'), ...errorResponses },
  }),
};

export function projectRoutes(deps: ServiceDeps) {
  return newRouter()
    .openapi(routes.contributions, async (c) =>
      c.json({ contributions: await projectContributions(deps, requireUser(c), c.req.valid('param').projectId) }, 200),
    )
    .openapi(routes.timeline, async (c) =>
      c.json(await projectContributionTimeline(deps, requireUser(c), c.req.valid('param').projectId), 200),
    )
    .openapi(routes.list, async (c) => c.json({ projects: await projects.listProjects(deps, requireUser(c)) }, 200))
    .openapi(routes.create, async (c) =>
      c.json({ project: await projects.createProject(deps, requireUser(c), c.req.valid('json')) }, 201),
    )
    .openapi(routes.get, async (c) =>
      c.json({ project: await projects.getProject(deps, requireUser(c), c.req.valid('param').projectId) }, 200),
    )
    .openapi(routes.update, async (c) => {
      const { projectId } = c.req.valid('param');
      return c.json({ project: await projects.updateProject(deps, requireUser(c), projectId, c.req.valid('json')) }, 200);
    })
    .openapi(routes.members, async (c) =>
      c.json({ members: await members.listMembers(deps, requireUser(c), c.req.valid('param').projectId) }, 200),
    )
    .openapi(routes.updateMember, async (c) => {
      const { projectId, userId } = c.req.valid('param');
      const updated = await members.setMemberRole(deps, requireUser(c), projectId, userId, c.req.valid('json').role);
      return c.json({ member: updated! }, 200);
    })
    .openapi(routes.removeMember, async (c) => {
      const { projectId, userId } = c.req.valid('param');
      await members.setMemberRole(deps, requireUser(c), projectId, userId, null);
      return c.body(null, 204);
    })
    .openapi(routes.addPartner, async (c) => {
      const { projectId } = c.req.valid('param');
      const organisation = await projects.addPartner(deps, requireUser(c), projectId, c.req.valid('json').organisationId);
      return c.json({ organisation }, 201);
    })
    .openapi(routes.removePartner, async (c) => {
      const { projectId, organisationId } = c.req.valid('param');
      await projects.removePartner(deps, requireUser(c), projectId, organisationId);
      return c.body(null, 204);
    })
    .openapi(routes.invitations, async (c) =>
      c.json({ invitations: await invitations.listInvitations(deps, requireUser(c), c.req.valid('param').projectId) }, 200),
    )
    .openapi(routes.invite, async (c) => {
      const { projectId } = c.req.valid('param');
      const created = await invitations.createInvitation(deps, requireUser(c), projectId, c.req.valid('json'));
      return c.json({ ...created, path: `/join/${created.token}` }, 201);
    })
    .openapi(routes.revoke, async (c) => {
      const { projectId, invitationId } = c.req.valid('param');
      await invitations.revokeInvitation(deps, requireUser(c), projectId, invitationId);
      return c.body(null, 204);
    })
    .openapi(routes.documents, async (c) =>
      c.json({ documents: await documents.listProjectDocuments(deps, requireUser(c), c.req.valid('param').projectId) }, 200),
    )
    .openapi(routes.createDocument, async (c) => {
      const { projectId } = c.req.valid('param');
      return c.json({ document: await documents.createDocument(deps, requireUser(c), projectId, c.req.valid('json')) }, 201);
    });
}
