import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import {
  attributionResponseSchema,
  changeStatusInputSchema,
  contributionMapResponseSchema,
  documentDetailResponseSchema,
  documentIdSchema,
  documentLinksResponseSchema,
  documentResponseSchema,
  updateDocumentInputSchema,
} from '../../shared/api';
import { attributionOf, documentContributions } from '../services/attribution';
import type { ServiceDeps } from '../services/context';
import * as documents from '../services/documents';
import { promoteTrialEntry } from '../services/trial-promotion';
import { errorResponses, jsonBody, jsonResponse, newRouter, SESSION_SECURITY } from './openapi';
import { requireUser } from './session';

const tags = ['Documents'];
const security = SESSION_SECURITY;
const params = z.object({ documentId: documentIdSchema });
const entryParams = params.extend({ entryId: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/) });

const routes = {
  get: createRoute({
    method: 'get', path: '/{documentId}', tags, security,
    summary: 'A document with the caller’s role in its project (document.read)',
    request: { params },
    responses: { 200: jsonResponse(documentDetailResponseSchema, 'The document'), ...errorResponses },
  }),
  update: createRoute({
    method: 'patch', path: '/{documentId}', tags, security,
    summary: 'Rename a document, or change its themes, tags or language (document.update)',
    request: { params, ...jsonBody(updateDocumentInputSchema) },
    responses: { 200: jsonResponse(documentResponseSchema, 'Changed'), ...errorResponses },
  }),
  status: createRoute({
    method: 'post', path: '/{documentId}/status', tags, security,
    summary: 'Move a document to another status: to review and back (document.submit); validate, publish or send back (document.validate)',
    request: { params, ...jsonBody(changeStatusInputSchema) },
    responses: { 200: jsonResponse(documentResponseSchema, 'Moved'), ...errorResponses },
  }),
  links: createRoute({
    method: 'get', path: '/{documentId}/links', tags, security,
    summary: 'Documents this one links to, and its backlinks (document.read)',
    request: { params },
    responses: { 200: jsonResponse(documentLinksResponseSchema, 'Links both ways'), ...errorResponses },
  }),
  attribution: createRoute({
    method: 'get', path: '/{documentId}/attribution', tags, security,
    summary: 'Whose each Yjs client id of the document is, with their organisation (document.read)',
    request: { params },
    responses: { 200: jsonResponse(attributionResponseSchema, 'Client ids and their people'), ...errorResponses },
  }),
  contributions: createRoute({
    method: 'get', path: '/{documentId}/contributions', tags, security,
    summary: 'Who wrote how much of the document, by organisation, kind of stakeholder and person (document.read)',
    request: { params },
    responses: { 200: jsonResponse(contributionMapResponseSchema, 'The contribution map'), ...errorResponses },
  }),
  promote: createRoute({
    method: 'post', path: '/{documentId}/trial-entries/{entryId}/promotion', tags, security,
    summary: 'Make a lessons-learned record from a trial-and-error entry, linked back to it (document.create)',
    request: { params: entryParams },
    responses: { 201: jsonResponse(documentResponseSchema, 'The new record'), ...errorResponses },
  }),
};

export function documentRoutes(deps: ServiceDeps) {
  return newRouter()
    .openapi(routes.get, async (c) =>
      c.json({ document: await documents.getDocument(deps, requireUser(c), c.req.valid('param').documentId) }, 200),
    )
    .openapi(routes.update, async (c) => {
      const { documentId } = c.req.valid('param');
      return c.json({ document: await documents.updateDocument(deps, requireUser(c), documentId, c.req.valid('json')) }, 200);
    })
    .openapi(routes.status, async (c) => {
      const { documentId } = c.req.valid('param');
      return c.json({ document: await documents.changeStatus(deps, requireUser(c), documentId, c.req.valid('json')) }, 200);
    })
    .openapi(routes.links, async (c) =>
      c.json(await documents.documentLinks(deps, requireUser(c), c.req.valid('param').documentId), 200),
    )
    .openapi(routes.attribution, async (c) => c.json(await attributionOf(deps, requireUser(c), c.req.valid('param').documentId), 200))
    .openapi(routes.contributions, async (c) =>
      c.json({ contributions: await documentContributions(deps, requireUser(c), c.req.valid('param').documentId) }, 200),
    )
    .openapi(routes.promote, async (c) => {
      const { documentId, entryId } = c.req.valid('param');
      return c.json({ document: await promoteTrialEntry(deps, requireUser(c), documentId, entryId) }, 201);
    });
}
