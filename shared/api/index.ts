/** The JSON API under /api/v1: request schemas (zod) and response shapes, shared by server and client. */
export * from './accounts';
export * from './common';
export * from './documents';
export * from './instance';
export * from './invitations';
export * from './projects';
export * from './annotations';
export * from './attribution';
export * from './versions';
export * from './workshops';
export * from './search';
export * from './transfer';
