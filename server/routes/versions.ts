import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import {
  compareVersionsQuerySchema,
  contributionTimelineResponseSchema,
  createVersionInputSchema,
  documentIdSchema,
  idSchema,
  restoreResponseSchema,
  versionComparisonResponseSchema,
  versionContentResponseSchema,
  versionListResponseSchema,
  versionResponseSchema,
} from '../../shared/api';
import type { ServiceDeps } from '../services/context';
import * as versions from '../services/versions';
import { errorResponses, jsonBody, jsonResponse, newRouter, SESSION_SECURITY } from './openapi';
import { requireUser } from './session';

const tags = ['History'];
const security = SESSION_SECURITY;
const params = z.object({ documentId: documentIdSchema });
const versionParams = params.extend({ versionId: idSchema });

const routes = {
  list: createRoute({
    method: 'get', path: '/{documentId}/versions', tags, security,
    summary: 'The document’s versions, newest first, with who changed what since the one before (document.read)',
    request: { params },
    responses: { 200: jsonResponse(versionListResponseSchema, 'Versions'), ...errorResponses },
  }),
  name: createRoute({
    method: 'post', path: '/{documentId}/versions', tags, security,
    summary: 'Keep the document as it is now as a named version (document.edit)',
    request: { params, ...jsonBody(createVersionInputSchema) },
    responses: { 201: jsonResponse(versionResponseSchema, 'The named version'), ...errorResponses },
  }),
  content: createRoute({
    method: 'get', path: '/{documentId}/versions/{versionId}', tags, security,
    summary: 'The whole document as it was at a version, as a Yjs update to show read-only (document.read)',
    request: { params: versionParams },
    responses: { 200: jsonResponse(versionContentResponseSchema, 'The version’s content'), ...errorResponses },
  }),
  compare: createRoute({
    method: 'get', path: '/{documentId}/versions/{versionId}/comparison', tags, security,
    summary: 'What was inserted and deleted from this version to another, or to now (document.read)',
    request: { params: versionParams, query: compareVersionsQuerySchema },
    responses: { 200: jsonResponse(versionComparisonResponseSchema, 'The text, marked'), ...errorResponses },
  }),
  restore: createRoute({
    method: 'post', path: '/{documentId}/versions/{versionId}/restore', tags, security,
    summary: 'Bring a version’s content back as a new change on top; restoring the answer’s `previous` undoes it (document.edit)',
    request: { params: versionParams },
    responses: { 201: jsonResponse(restoreResponseSchema, 'Restored'), ...errorResponses },
  }),
  timeline: createRoute({
    method: 'get', path: '/{documentId}/contributions/timeline', tags, security,
    summary: 'Characters per person at each version: how the document’s authorship grew (document.read)',
    request: { params },
    responses: { 200: jsonResponse(contributionTimelineResponseSchema, 'The timeline'), ...errorResponses },
  }),
};

export function versionRoutes(deps: ServiceDeps) {
  return newRouter()
    .openapi(routes.list, async (c) =>
      c.json({ versions: await versions.listDocumentVersions(deps, requireUser(c), c.req.valid('param').documentId) }, 200),
    )
    .openapi(routes.name, async (c) => {
      const { documentId } = c.req.valid('param');
      return c.json({ version: await versions.nameVersion(deps, requireUser(c), documentId, c.req.valid('json').name) }, 201);
    })
    .openapi(routes.content, async (c) => {
      const { documentId, versionId } = c.req.valid('param');
      return c.json(await versions.versionContent(deps, requireUser(c), documentId, versionId), 200);
    })
    .openapi(routes.compare, async (c) => {
      const { documentId, versionId } = c.req.valid('param');
      return c.json(await versions.compareVersions(deps, requireUser(c), documentId, versionId, c.req.valid('query').to), 200);
    })
    .openapi(routes.restore, async (c) => {
      const { documentId, versionId } = c.req.valid('param');
      return c.json(await versions.restoreVersion(deps, requireUser(c), documentId, versionId), 201);
    })
    .openapi(routes.timeline, async (c) =>
      c.json(await versions.documentContributionTimeline(deps, requireUser(c), c.req.valid('param').documentId), 200),
    );
}
