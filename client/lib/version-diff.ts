import type { Change, DiffBlock, VersionComparison, VersionPerson } from '../../shared/api/versions';

/** A run of a compared block: text that is the same, inserted or deleted, and who wrote it (null: nobody, or not known). */
export interface DiffRun {
  text: string;
  change: Change;
  person: VersionPerson | null;
}

/** The element a compared block is drawn as: the editor's own heading level, code as preformatted text, the rest as paragraphs. */
export function blockTag(block: Pick<DiffBlock, 'type' | 'level'>): 'h1' | 'h2' | 'h3' | 'h4' | 'h5' | 'h6' | 'pre' | 'p' {
  if (block.type === 'codeBlock') return 'pre';
  if (block.type !== 'heading') return 'p';
  const level = Math.min(6, Math.max(1, block.level ?? 1));
  return `h${level}` as 'h1' | 'h2' | 'h3' | 'h4' | 'h5' | 'h6';
}

/**
 * A block's segments as runs to draw: neighbours with the same change and
 * author joined, so one person's insertion is one `<ins>`, and each run
 * with the person the comparison names.
 */
export function diffRuns(block: Pick<DiffBlock, 'segments'>, people: readonly VersionPerson[]): DiffRun[] {
  const byId = new Map(people.map((person) => [person.userId, person]));
  const runs: (DiffRun & { userId: string | null })[] = [];
  for (const segment of block.segments) {
    if (segment.text === '') continue;
    const last = runs.at(-1);
    if (last && last.change === segment.change && last.userId === segment.userId) {
      last.text += segment.text;
      continue;
    }
    runs.push({ text: segment.text, change: segment.change, userId: segment.userId, person: segment.userId ? (byId.get(segment.userId) ?? null) : null });
  }
  return runs.map(({ text, change, person }) => ({ text, change, person }));
}

/** Whether a block holds any change: the others can be folded away. */
export function blockChanged(block: Pick<DiffBlock, 'segments'>): boolean {
  return block.segments.some((segment) => segment.change !== 'same' && segment.text !== '');
}

/** Whether the two versions differ at all. */
export function hasChanges(comparison: Pick<VersionComparison, 'inserted' | 'deleted' | 'blocks'>): boolean {
  return comparison.inserted > 0 || comparison.deleted > 0 || comparison.blocks.some(blockChanged);
}
