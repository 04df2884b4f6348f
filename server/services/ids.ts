import { createHash, randomBytes } from 'node:crypto';

/** 12 random bytes: unguessable, URL-safe, 16 characters. */
export function newId(): string {
  return randomBytes(12).toString('base64url');
}

/** A secret for a cookie or a link: 24 random bytes, 32 URL-safe characters. */
export function newToken(): string {
  return randomBytes(24).toString('base64url');
}

/** Secrets are stored only as their SHA-256, so the database alone grants nothing. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
