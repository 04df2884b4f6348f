import { createRoute } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { z } from 'zod';
import {
  documentIdSchema,
  documentResponseSchema,
  EXPORT_CONTENT_TYPES,
  exportQuerySchema,
  idSchema,
  importInputSchema,
  projectExportResponseSchema,
} from '../../shared/api';
import type { Logger } from '../logger';
import type { ServiceDeps } from '../services/context';
import { exportDocument } from '../services/document-export';
import { importDocument } from '../services/document-import';
import { projectArchive } from '../services/project-export';
import { ProjectExportJobs } from '../services/project-export-jobs';
import { attachment } from '../transfer/file-names';
import type { AppEnv } from './env';
import { errorBodySchema, errorResponses, jsonBody, jsonResponse, newRouter, SESSION_SECURITY } from './openapi';
import { requireUser } from './session';

const tags = ['Export and import'];
const security = SESSION_SECURITY;
const documentParams = z.object({ documentId: documentIdSchema });
const projectParams = z.object({ projectId: idSchema });
const exportParams = projectParams.extend({ exportId: idSchema });

const file = (description: string, types: readonly string[]) => ({
  description,
  content: Object.fromEntries(types.map((type) => [type.split(';')[0]!, { schema: z.string() }])),
});
const zip = file('The archive (a zip)', ['application/zip']);
const fileErrors = {
  413: { description: 'The file is larger than an import takes', content: { 'application/json': { schema: errorBodySchema } } },
  415: { description: 'Not a Markdown or Word file', content: { 'application/json': { schema: errorBodySchema } } },
  422: { description: 'The file cannot be read', content: { 'application/json': { schema: errorBodySchema } } },
};

const routes = {
  exportDocument: createRoute({
    method: 'get', path: '/documents/{documentId}/export', tags, security,
    summary: 'The document as Markdown, HTML, Word or PDF, with a title page and optionally its annotations as footnotes (document.read)',
    request: { params: documentParams, query: exportQuerySchema },
    responses: { 200: file('The file, to download', Object.values(EXPORT_CONTENT_TYPES)), ...errorResponses },
  }),
  importDocument: createRoute({
    method: 'post', path: '/projects/{projectId}/imports', tags, security,
    summary: 'A Markdown (.md) or Word (.docx) file, in base64, as a new document of the project (document.create)',
    request: { params: projectParams, ...jsonBody(importInputSchema) },
    responses: { 201: jsonResponse(documentResponseSchema, 'The new document'), ...errorResponses, ...fileErrors },
  }),
  exportProject: createRoute({
    method: 'get', path: '/projects/{projectId}/export', tags, security,
    summary: 'Every document of the project as Markdown and JSON (metadata, history, attribution) in one zip, made while waiting (document.read)',
    request: { params: projectParams },
    responses: { 200: zip, ...errorResponses },
  }),
  startProjectExport: createRoute({
    method: 'post', path: '/projects/{projectId}/exports', tags, security,
    summary: 'Start making the project’s archive in the background; follow it, then download it (document.read)',
    request: { params: projectParams },
    responses: { 202: jsonResponse(projectExportResponseSchema, 'Started, or the one already being made'), ...errorResponses },
  }),
  projectExport: createRoute({
    method: 'get', path: '/projects/{projectId}/exports/{exportId}', tags, security,
    summary: 'How far one’s archive of the project got, and which documents failed and why (document.read)',
    request: { params: exportParams },
    responses: { 200: jsonResponse(projectExportResponseSchema, 'Its progress'), ...errorResponses },
  }),
  downloadProjectExport: createRoute({
    method: 'get', path: '/projects/{projectId}/exports/{exportId}/download', tags, security,
    summary: 'One’s finished archive of the project (document.read); 409 `export_not_ready` before',
    request: { params: exportParams },
    responses: { 200: zip, ...errorResponses },
  }),
};

/** Where the platform was reached: links to other documents in an export lead there. */
const baseUrlOf = (c: Context<AppEnv>) => new URL(c.req.url).origin;

const download = (c: Context<AppEnv>, body: Uint8Array | string, contentType: string, filename: string) =>
  c.body(typeof body === 'string' ? body : new Uint8Array(body), 200, {
    'content-type': contentType,
    'content-disposition': attachment(filename),
    'cache-control': 'private, no-store',
  });

export function transferRoutes(deps: ServiceDeps, logger: Logger) {
  const jobs = new ProjectExportJobs(deps, logger);
  return newRouter()
    .openapi(routes.exportDocument, async (c) => {
      const { format, annotations } = c.req.valid('query');
      const exported = await exportDocument(deps, requireUser(c), c.req.valid('param').documentId, format, { annotations, baseUrl: baseUrlOf(c) });
      return download(c, exported.body, exported.contentType, exported.filename);
    })
    .openapi(routes.importDocument, async (c) =>
      c.json({ document: await importDocument(deps, requireUser(c), c.req.valid('param').projectId, c.req.valid('json')) }, 201),
    )
    .openapi(routes.exportProject, async (c) => {
      const archive = await projectArchive(deps, requireUser(c), c.req.valid('param').projectId, { baseUrl: baseUrlOf(c) });
      return download(c, archive.zip, 'application/zip', archive.filename);
    })
    .openapi(routes.startProjectExport, async (c) =>
      c.json({ export: await jobs.start(requireUser(c), c.req.valid('param').projectId, baseUrlOf(c)) }, 202),
    )
    .openapi(routes.projectExport, async (c) => {
      const { projectId, exportId } = c.req.valid('param');
      return c.json({ export: await jobs.status(requireUser(c), projectId, exportId) }, 200);
    })
    .openapi(routes.downloadProjectExport, async (c) => {
      const { projectId, exportId } = c.req.valid('param');
      const archive = await jobs.download(requireUser(c), projectId, exportId);
      return download(c, archive.zip, 'application/zip', archive.filename);
    });
}
