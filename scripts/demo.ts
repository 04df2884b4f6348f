/**
 * `npm run demo`: fills an empty instance (the database in DATA_DIR) with the
 * sample programme and prints who to log in as. Refuses, and exits 1, when the
 * instance has accounts already.
 */
import { ConfigError, loadConfig } from '../server/config';
import { AppError } from '../server/errors';
import { openServices } from '../server/server';
import { createDemoProgramme, type DemoResult } from '../server/services/demo';

function loginTable({ logins }: DemoResult): string {
  const rows = [
    ['Name', 'Role', 'Organisation', 'Language', 'Email'],
    ...logins.map((l) => [l.name, l.role, l.organisation.name, l.language, l.email]),
  ];
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
  const line = (row: string[]) => row.map((cell, column) => cell.padEnd(widths[column]!)).join('  ').trimEnd();
  return [line(rows[0]!), line(widths.map((w) => '-'.repeat(w))), ...rows.slice(1).map(line)].join('\n');
}

async function main(): Promise<number> {
  const config = loadConfig(process.env);
  const storage = await openServices(config);
  try {
    const demo = await createDemoProgramme(storage.services);
    const owner = demo.logins.find((login) => login.role === 'owner')!;
    // The server must open the same folder: repeat DATA_DIR when it was not the default.
    const dataDir = process.env.DATA_DIR?.trim();
    const start = dataDir ? `DATA_DIR=${/\s/.test(dataDir) ? `'${dataDir}'` : dataDir} npm start` : 'npm start';
    process.stdout.write(
      [
        `Sample programme created in ${config.dataDir}: ${demo.projectIds.length} projects, every kind of partner and every role.`,
        '',
        loginTable(demo),
        '',
        `Password of ${owner.name}, the owner, who administers the instance: ${demo.passwords.owner}`,
        `Password of every other account: ${demo.passwords.others}`,
        'To let people try a role, hand out the second one: it does not open the administrator account.',
        '',
        `Now run \`${start}\`, then open http://localhost:${config.port} and log in as anyone above`,
        '(a private window or another browser lets you be two people at once).',
        '',
      ].join('\n'),
    );
    return 0;
  } catch (error) {
    if (error instanceof AppError && error.code === 'instance_not_empty') {
      process.stderr.write(
        `The instance in ${config.dataDir} already has accounts, so no sample programme was created.\n` +
          'The sample programme only goes into an empty instance: run it with another folder, e.g. `DATA_DIR=./demo-data npm run demo`.\n',
      );
      return 1;
    }
    throw error;
  } finally {
    await storage.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`${error instanceof ConfigError ? error.message : ((error as Error).stack ?? String(error))}\n`);
    process.exit(1);
  },
);
