import { IMPORT_EXTENSIONS, IMPORT_MAX_FILE_BYTES, type ImportInput } from '../../shared/api';

/** Why a file cannot be imported, before sending it: the server says the same, later and at a cost. */
export type ImportProblem = 'unsupported' | 'tooLarge';

export function importProblem(file: Pick<File, 'name' | 'size'>): ImportProblem | null {
  const extension = /\.[^.]+$/.exec(file.name.toLowerCase())?.[0] ?? '';
  if (!(IMPORT_EXTENSIONS as readonly string[]).includes(extension)) return 'unsupported';
  return file.size > IMPORT_MAX_FILE_BYTES ? 'tooLarge' : null;
}

/** The file as the import route takes it: its name, and its bytes in base64. */
export async function importInputOf(file: Blob & { name: string }): Promise<ImportInput> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  // In slices: one call with millions of arguments overflows the stack.
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return { filename: file.name, content: btoa(binary) };
}
