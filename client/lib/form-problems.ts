import type { z } from 'zod';

/**
 * The fields a schema refuses in `input`, as dotted paths ("email",
 * "newOrganisation.country"), so a form marks each field with its own
 * message; "" stands for a rule about the whole input.
 */
export function invalidPaths(schema: z.ZodType, input: unknown): Set<string> {
  const result = schema.safeParse(input);
  if (result.success) return new Set();
  return new Set(result.error.issues.map((issue) => issue.path.map(String).join('.')));
}

/** "soil, water ; Water\nseeds" → ["soil", "water", "seeds"]: trimmed, no blanks, no repeats. */
export function parseTagList(text: string): string[] {
  const seen = new Set<string>();
  const tags: string[] = [];
  for (const raw of text.split(/[,;\n]/)) {
    const tag = raw.replace(/\s+/g, ' ').trim();
    const key = tag.toLocaleLowerCase();
    if (tag === '' || seen.has(key)) continue;
    seen.add(key);
    tags.push(tag);
  }
  return tags;
}
