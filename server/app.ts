import fs from 'node:fs';
import path from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import { OpenAPIHono } from '@hono/zod-openapi';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { HTTPException } from 'hono/http-exception';
import { IMPORT_MAX_BODY_BYTES, IMPORT_MAX_FILE_BYTES } from '../shared/api';
import type { ErrorBody, ErrorCode } from '../shared/errors';
import type { Config } from './config';
import { AppError, fileTooLarge } from './errors';
import type { Logger } from './logger';
import { authRoutes } from './routes/auth';
import { annotationRoutes } from './routes/annotations';
import { documentRoutes } from './routes/documents';
import type { AppEnv } from './routes/env';
import { instanceRoutes } from './routes/instance';
import { notificationRoutes } from './routes/notifications';
import { invitationRoutes } from './routes/invitations';
import { organisationRoutes } from './routes/organisations';
import { projectRoutes } from './routes/projects';
import { transferRoutes } from './routes/transfer';
import { versionRoutes } from './routes/versions';
import { workshopRoutes } from './routes/workshops';
import { searchRoutes } from './routes/search';
import { sameOrigin } from './routes/same-origin';
import { clientAddressMiddleware, sessionMiddleware } from './routes/session';
import { writeRateLimit } from './routes/write-rate-limit';
import { SESSION_COOKIE } from './services/accounts';
import type { ServiceDeps } from './services/context';

export interface AppDeps {
  services: ServiceDeps;
  logger: Logger;
}

const API_BODY_LIMIT_BYTES = 64 * 1024;
const IMPORT_PATH = /\/projects\/[^/]+\/imports$/;

/** Hono's own errors (malformed JSON, wrong media type) in the API's error shape. */
function fromHttpException(error: HTTPException): AppError {
  const code: ErrorCode = error.status === 413 ? 'payload_too_large' : error.status === 401 ? 'unauthenticated' : 'bad_request';
  const status = error.status >= 400 && error.status < 500 ? error.status : 400;
  return new AppError(status as AppError['status'], code, error.message || 'Bad request');
}

/** Builds the HTTP app. Starts nothing, so each test can build its own. */
export function createApp(config: Config, deps: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.onError((err, c) => {
    const error = err instanceof HTTPException ? fromHttpException(err) : err;
    if (error instanceof AppError) {
      for (const [name, value] of Object.entries(error.headers)) c.header(name, value);
      return c.json<ErrorBody>({ error: { code: error.code, message: error.message } }, error.status);
    }
    deps.logger.error('unhandled error', { path: c.req.path, error: err });
    return c.json<ErrorBody>({ error: { code: 'internal_error', message: 'Something went wrong on the server' } }, 500);
  });

  app.get('/healthz', (c) => c.json({ status: 'ok' }));

  const api = new OpenAPIHono<AppEnv>();
  const apiBodyLimit = bodyLimit({
    maxSize: API_BODY_LIMIT_BYTES,
    onError: () => {
      throw new AppError(413, 'payload_too_large', `Request bodies are limited to ${API_BODY_LIMIT_BYTES} bytes`);
    },
  });
  // A file to import is the one large body the API takes.
  const importBodyLimit = bodyLimit({
    maxSize: IMPORT_MAX_BODY_BYTES,
    onError: () => {
      throw fileTooLarge(`Files up to ${IMPORT_MAX_FILE_BYTES / (1024 * 1024)} MB can be imported`);
    },
  });
  api.use((c, next) => (IMPORT_PATH.test(c.req.path) ? importBodyLimit(c, next) : apiBodyLimit(c, next)));
  api.use(sameOrigin());
  api.use(clientAddressMiddleware(config.trustedProxies));
  api.use(sessionMiddleware(deps.services));
  api.use(writeRateLimit(config.limits.writeRatePerSession));
  api.route('/auth', authRoutes(deps.services, { secureCookies: config.secureCookies }));
  api.route('/organisations', organisationRoutes(deps.services));
  api.route('/projects', projectRoutes(deps.services));
  api.route('/invitations', invitationRoutes(deps.services));
  api.route('/documents', documentRoutes(deps.services));
  api.route('/documents', annotationRoutes(deps.services));
  api.route('/documents', versionRoutes(deps.services));
  api.route('/search', searchRoutes(deps.services));
  api.route('/', workshopRoutes(deps.services, { secureCookies: config.secureCookies }));
  api.route('/', transferRoutes(deps.services, deps.logger));
  api.route('/notifications', notificationRoutes(deps.services));
  api.route('/instance', instanceRoutes(deps.services, { secureCookies: config.secureCookies }));
  api.openAPIRegistry.registerComponent('securitySchemes', 'session', {
    type: 'apiKey',
    in: 'cookie',
    name: SESSION_COOKIE,
  });
  api.doc31('/openapi.json', {
    openapi: '3.1.0',
    info: {
      title: 'Ensemble API',
      version: '1',
      description:
        'JSON API of Ensemble. Errors are `{ "error": { "code", "message" } }`. State-changing requests must come from the same origin with JSON bodies.',
    },
  });
  app.route('/api/v1', api);
  // Registered before the client's catch-all, so an unknown API path never gets index.html.
  app.all('/api/*', (c) =>
    c.json<ErrorBody>({ error: { code: 'not_found', message: `No route ${c.req.method} ${c.req.path}` } }, 404),
  );

  serveClient(app, config.clientDir);
  return app;
}

/**
 * Serves the built client; any other GET falls back to index.html so the
 * client-side router can handle deep links such as /d/:id.
 */
function serveClient(app: Hono<AppEnv>, clientDir: string): void {
  const index = path.join(clientDir, 'index.html');
  if (!fs.existsSync(index)) {
    app.get('*', (c) => c.text('The client is not built: run `npm run build` (npm start does it for you).', 503));
    return;
  }
  app.use('*', serveStatic({ root: path.relative(process.cwd(), clientDir) || '.' }));
  const html = fs.readFileSync(index, 'utf8');
  app.get('*', (c) => c.html(html));
}
