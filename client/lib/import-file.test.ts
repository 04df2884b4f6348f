import { describe, expect, it } from 'vitest';
import { IMPORT_MAX_FILE_BYTES } from '../../shared/api';
import { importInputOf, importProblem } from './import-file';

describe('a file offered for import', () => {
  it('is refused before sending when it is neither Markdown nor Word, or too large', () => {
    expect(importProblem({ name: 'Note.MD', size: 10 })).toBeNull();
    expect(importProblem({ name: 'note.docx', size: IMPORT_MAX_FILE_BYTES })).toBeNull();
    expect(importProblem({ name: 'note.pdf', size: 10 })).toBe('unsupported');
    expect(importProblem({ name: 'docx', size: 10 })).toBe('unsupported');
    expect(importProblem({ name: 'note.md', size: IMPORT_MAX_FILE_BYTES + 1 })).toBe('tooLarge');
  });

  it('is sent in base64, whatever bytes it holds', async () => {
    const bytes = new Uint8Array(100_000).map((_, i) => (i * 31) % 256);
    const file = Object.assign(new Blob([bytes]), { name: 'big.docx' });
    const input = await importInputOf(file);
    expect(input.filename).toBe('big.docx');
    expect(new Uint8Array(Buffer.from(input.content, 'base64'))).toEqual(bytes);
  });
});
