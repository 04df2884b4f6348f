import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import { acceptInvitationResponseSchema, invitationPreviewResponseSchema, invitationTokenSchema } from '../../shared/api';
import type { ServiceDeps } from '../services/context';
import * as invitations from '../services/invitations';
import { errorResponses, jsonResponse, newRouter, SESSION_SECURITY } from './openapi';
import { requireUser } from './session';

const tags = ['Invitations'];
const params = z.object({ token: invitationTokenSchema });

const preview = createRoute({
  method: 'get',
  path: '/{token}',
  tags,
  summary: 'What an invitation link offers (public: the token is the secret)',
  request: { params },
  responses: { 200: jsonResponse(invitationPreviewResponseSchema, 'The invitation'), ...errorResponses },
});

const accept = createRoute({
  method: 'post',
  path: '/{token}/accept',
  tags,
  security: SESSION_SECURITY,
  summary: 'Join the project with the invitation’s role',
  request: { params },
  responses: { 200: jsonResponse(acceptInvitationResponseSchema, 'Joined'), ...errorResponses },
});

export function invitationRoutes(deps: ServiceDeps) {
  return newRouter()
    .openapi(preview, async (c) =>
      c.json({ invitation: await invitations.previewInvitation(deps, c.req.valid('param').token) }, 200),
    )
    .openapi(accept, async (c) =>
      c.json(await invitations.acceptInvitation(deps, requireUser(c), c.req.valid('param').token), 200),
    );
}
