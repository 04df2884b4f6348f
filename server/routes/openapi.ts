import { OpenAPIHono } from '@hono/zod-openapi';
import { z } from 'zod';
import { ERROR_CODES } from '../../shared/errors';
import { validationFailed } from '../errors';
import type { AppEnv } from './env';

/** Helpers that keep route declarations short; everything here ends up in /api/v1/openapi.json. */
export const errorBodySchema = z.object({
  error: z.object({ code: z.enum(ERROR_CODES), message: z.string() }),
});

const errorResponse = (description: string) => ({
  description,
  content: { 'application/json': { schema: errorBodySchema } },
});

/** The errors any route may answer with. */
export const errorResponses = {
  400: errorResponse('The request is malformed or fails validation'),
  401: errorResponse('Not logged in, or wrong credentials'),
  403: errorResponse('The role does not allow it, or a cross-site request'),
  404: errorResponse('Not found, or not visible to the caller'),
  409: errorResponse('Conflicts with the current state'),
  410: errorResponse('The invitation can no longer be used'),
  429: errorResponse('Too many attempts'),
} as const;

export function jsonBody<S extends z.ZodType>(schema: S) {
  return { body: { required: true, content: { 'application/json': { schema } } } } as const;
}

export function jsonResponse<S extends z.ZodType>(schema: S, description: string) {
  return { description, content: { 'application/json': { schema } } } as const;
}

export const noContent = { description: 'Done' } as const;

export const SESSION_SECURITY = [{ session: [] }];

function describeIssues(error: z.ZodError): string {
  return error.issues.map((i) => (i.path.length ? `${i.path.join('.')}: ${i.message}` : i.message)).join('; ');
}

/** Every router answers a failed validation the same way: a 400 that changed nothing. */
export function newRouter() {
  return new OpenAPIHono<AppEnv>({
    defaultHook: (result) => {
      if (!result.success) throw validationFailed(describeIssues(result.error as z.ZodError));
    },
  });
}
