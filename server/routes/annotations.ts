import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import {
  createThreadInputSchema,
  creditInputSchema,
  documentIdSchema,
  editMessageInputSchema,
  idSchema,
  messageCreatedResponseSchema,
  reanchorInputSchema,
  replyInputSchema,
  threadCreatedResponseSchema,
  threadStatusInputSchema,
} from '../../shared/api';
import * as annotations from '../services/annotations';
import type { ServiceDeps } from '../services/context';
import { errorResponses, jsonBody, jsonResponse, newRouter, SESSION_SECURITY } from './openapi';
import { requireUser } from './session';

const tags = ['Annotations'];
const security = SESSION_SECURITY;
const params = z.object({ documentId: documentIdSchema });
const threadParams = params.extend({ threadId: idSchema });
const messageParams = threadParams.extend({ messageId: idSchema });
const noContent = { 204: { description: 'Done' }, ...errorResponses };

const routes = {
  create: createRoute({
    method: 'post', path: '/{documentId}/threads', tags, security,
    summary: 'Annotate the quoted words of a document (document.comment)',
    request: { params, ...jsonBody(createThreadInputSchema) },
    responses: { 201: jsonResponse(threadCreatedResponseSchema, 'The new thread'), ...errorResponses },
  }),
  reply: createRoute({
    method: 'post', path: '/{documentId}/threads/{threadId}/messages', tags, security,
    summary: 'Reply in a thread (document.comment)',
    request: { params: threadParams, ...jsonBody(replyInputSchema) },
    responses: { 201: jsonResponse(messageCreatedResponseSchema, 'The new message'), ...errorResponses },
  }),
  edit: createRoute({
    method: 'patch', path: '/{documentId}/threads/{threadId}/messages/{messageId}', tags, security,
    summary: 'Change one’s own message (document.comment, author only)',
    request: { params: messageParams, ...jsonBody(editMessageInputSchema) },
    responses: noContent,
  }),
  remove: createRoute({
    method: 'delete', path: '/{documentId}/threads/{threadId}/messages/{messageId}', tags, security,
    summary: 'Delete one’s own message (document.comment, author only)',
    request: { params: messageParams },
    responses: noContent,
  }),
  reanchor: createRoute({
    method: 'put', path: '/{documentId}/threads/{threadId}/anchor', tags, security,
    summary: 'Move a thread onto the words it quotes after the editor rewrote their paragraph (document.comment)',
    request: { params: threadParams, ...jsonBody(reanchorInputSchema) },
    responses: noContent,
  }),
  credit: createRoute({
    method: 'post', path: '/{documentId}/threads/{threadId}/credit', tags, security,
    summary: 'Credit the words typed in accepting a suggestion to its author (the editor who accepted it, document.edit)',
    request: { params: threadParams, ...jsonBody(creditInputSchema) },
    responses: noContent,
  }),
  status: createRoute({
    method: 'post', path: '/{documentId}/threads/{threadId}/status', tags, security,
    summary: 'Resolve or reopen a thread (its author, or document.edit); accept or reject a suggestion (document.edit)',
    request: { params: threadParams, ...jsonBody(threadStatusInputSchema) },
    responses: noContent,
  }),
};

export function annotationRoutes(deps: ServiceDeps) {
  return newRouter()
    .openapi(routes.create, async (c) => {
      const { documentId } = c.req.valid('param');
      return c.json(await annotations.createThread(deps, requireUser(c), documentId, c.req.valid('json')), 201);
    })
    .openapi(routes.reply, async (c) => {
      const { documentId, threadId } = c.req.valid('param');
      return c.json(await annotations.reply(deps, requireUser(c), documentId, threadId, c.req.valid('json')), 201);
    })
    .openapi(routes.edit, async (c) => {
      const { documentId, threadId, messageId } = c.req.valid('param');
      await annotations.editMessage(deps, requireUser(c), documentId, threadId, messageId, c.req.valid('json'));
      return c.body(null, 204);
    })
    .openapi(routes.remove, async (c) => {
      const { documentId, threadId, messageId } = c.req.valid('param');
      await annotations.deleteMessage(deps, requireUser(c), documentId, threadId, messageId);
      return c.body(null, 204);
    })
    .openapi(routes.reanchor, async (c) => {
      const { documentId, threadId } = c.req.valid('param');
      await annotations.reanchorThread(deps, requireUser(c), documentId, threadId, c.req.valid('json'));
      return c.body(null, 204);
    })
    .openapi(routes.credit, async (c) => {
      const { documentId, threadId } = c.req.valid('param');
      await annotations.creditSuggestion(deps, requireUser(c), documentId, threadId, c.req.valid('json'));
      return c.body(null, 204);
    })
    .openapi(routes.status, async (c) => {
      const { documentId, threadId } = c.req.valid('param');
      await annotations.setThreadStatus(deps, requireUser(c), documentId, threadId, c.req.valid('json'));
      return c.body(null, 204);
    });
}
