import { z } from 'zod';

/** Ids the server generates: 16 URL-safe characters; the schema accepts up to 64. */
export const idSchema = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'an id is 1 to 64 letters, digits, "-" or "_"');

/** ISO 8601 date-time string, as every timestamp in the API. */
export const timestampSchema = z.string();
