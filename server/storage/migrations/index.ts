import type { Migration, MigrationProvider } from 'kysely';
import * as m0001 from './0001-documents';
import * as m0002 from './0002-accounts-projects';
import * as m0003 from './0003-project-programme';
import * as m0004 from './0004-knowledge-documents';
import * as m0005 from './0005-discussions';
import * as m0006 from './0006-attribution';
import * as m0007 from './0007-versions';
import * as m0008 from './0008-workshops';
import * as m0009 from './0009-search';
import * as m0010 from './0010-one-administrator';

/**
 * Migrations are imported statically rather than read from a folder so they
 * work the same under tsx, in a bundle, and in tests. Names sort in order.
 */
const migrations: Record<string, Migration> = {
  '0001-documents': m0001,
  '0002-accounts-projects': m0002,
  '0003-project-programme': m0003,
  '0004-knowledge-documents': m0004,
  '0005-discussions': m0005,
  '0006-attribution': m0006,
  '0007-versions': m0007,
  '0008-workshops': m0008,
  '0009-search': m0009,
  '0010-one-administrator': m0010,
};

export const migrationProvider: MigrationProvider = {
  getMigrations: async () => migrations,
};
