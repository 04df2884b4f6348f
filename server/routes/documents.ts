import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import { documentDetailResponseSchema, documentIdSchema, documentResponseSchema, updateDocumentInputSchema } from '../../shared/api';
import type { ServiceDeps } from '../services/context';
import * as documents from '../services/documents';
import { errorResponses, jsonBody, jsonResponse, newRouter, SESSION_SECURITY } from './openapi';
import { requireUser } from './session';

const tags = ['Documents'];
const params = z.object({ documentId: documentIdSchema });

const get = createRoute({
  method: 'get',
  path: '/{documentId}',
  tags,
  security: SESSION_SECURITY,
  summary: 'A document with the caller’s role in its project (document.read)',
  request: { params },
  responses: { 200: jsonResponse(documentDetailResponseSchema, 'The document'), ...errorResponses },
});

const rename = createRoute({
  method: 'patch',
  path: '/{documentId}',
  tags,
  security: SESSION_SECURITY,
  summary: 'Rename a document (document.update)',
  request: { params, ...jsonBody(updateDocumentInputSchema) },
  responses: { 200: jsonResponse(documentResponseSchema, 'Renamed'), ...errorResponses },
});

export function documentRoutes(deps: ServiceDeps) {
  return newRouter()
    .openapi(get, async (c) =>
      c.json({ document: await documents.getDocument(deps, requireUser(c), c.req.valid('param').documentId) }, 200),
    )
    .openapi(rename, async (c) => {
      const { documentId } = c.req.valid('param');
      return c.json({ document: await documents.renameDocument(deps, requireUser(c), documentId, c.req.valid('json')) }, 200);
    });
}
