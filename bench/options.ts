import path from 'node:path';
import { parseArgs } from 'node:util';

export const SCENARIOS = ['fan-out', 'many-documents', 'cold-load', 'persistence'] as const;
export type ScenarioName = (typeof SCENARIOS)[number];

export interface BenchOptions {
  scenarios: ScenarioName[];
  /** Targets to run, by name, in this order within each scenario. */
  targets: string[];
  quick: boolean;
  /** Fan-out: one run per client count. */
  clients: number[];
  rate: number;
  seconds: number;
  warmupSeconds: number;
  /** Many documents: one run per document count. */
  documents: number[];
  /** Cold load: updates the document is made of, and restarts timed. */
  updates: number;
  restarts: number;
  /** Persistence: measured window, in s. */
  persistSeconds: number;
  workers: number;
  /** Further attempts at a run the machine disturbed. */
  retries: number;
  /** Fan-out and many documents: runs of each setting on each target, in turn; the median one is reported. */
  rounds: number;
  /** Folder of the result files. */
  outDir: string;
  /** If set, each server writes a V8 CPU profile into this folder. */
  profileServerDir: string | null;
}

export const USAGE = `Usage: npm run bench -- [options]   (each option also reads BENCH_<NAME> from the environment, - as _)
  --scenario <names>      comma-separated, of ${SCENARIOS.join(', ')}   (default all)
  --target <names>        servers to drive: ensemble, ensemble-normal (SQLITE_SYNCHRONOUS=NORMAL),
                          ensemble-2 (two instances on PostgreSQL and Redis), hocuspocus,
                          y-websocket (LevelDB), y-websocket-memory
                                                    (default ensemble,ensemble-2,hocuspocus,y-websocket)
  --quick                 a short smoke run; the defaults it changes are shown in [ ]
  --clients <counts>      fan-out: one run per client count             (default 10,50,200 [10,50])
  --rate <edits/s>        fan-out: edits per second, all clients        (default 50)
  --seconds <s>           fan-out: measured window                      (default 15 [3])
  --warmup <s>            fan-out: edits before the window, not timed, and at least
                          two per client                                (default 3 [1])
  --documents <counts>    many documents: one run per document count    (default 100,1000 [100])
  --updates <n>           cold load: updates the document is made of    (default 20000 [2000])
  --restarts <n>          cold load: restarts, each timed               (default 7 [1])
  --persist-seconds <s>   persistence: measured window                  (default 10 [3])
  --workers <n>           client processes                              (default 2)
  --retries <n>           new attempts at a run the machine disturbed   (default 1 [0])
  --rounds <n>            fan-out and many documents: runs of each setting on
                          each target, in turn; the median one is reported (default 3 [1])
  --out <dir>             folder of the result files                    (default bench/results)
  --profile-server <dir>  write a V8 CPU profile of each server there`;

const DEFAULTS = {
  scenario: SCENARIOS.join(','),
  target: 'ensemble,ensemble-2,hocuspocus,y-websocket',
  clients: '10,50,200',
  rate: '50',
  seconds: '15',
  warmup: '3',
  documents: '100,1000',
  updates: '20000',
  restarts: '7',
  'persist-seconds': '10',
  workers: '2',
  retries: '1',
  rounds: '3',
  out: path.join(import.meta.dirname, 'results'),
};
type OptionName = keyof typeof DEFAULTS;

const QUICK: Partial<Record<OptionName, string>> = {
  clients: '10,50',
  seconds: '3',
  warmup: '1',
  documents: '100',
  updates: '2000',
  restarts: '1',
  'persist-seconds': '3',
  retries: '0',
  rounds: '1',
};

/** Reads argv, then BENCH_* variables, then defaults (the quick ones with --quick); throws on a value that makes no sense. */
export function parseOptions(argv: string[], env: Record<string, string | undefined>): BenchOptions | 'help' {
  const { values } = parseArgs({
    args: argv,
    options: {
      ...(Object.fromEntries(Object.keys(DEFAULTS).map((name) => [name, { type: 'string' }])) as Record<OptionName, { type: 'string' }>),
      quick: { type: 'boolean' },
      'profile-server': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
  });
  if (values.help) return 'help';
  const fromEnv = (name: string) => env[`BENCH_${name.toUpperCase().replace(/-/g, '_')}`];
  const quick = values.quick === true || fromEnv('quick') === 'true' || fromEnv('quick') === '1';
  const read = (name: OptionName) => values[name] ?? fromEnv(name) ?? (quick ? QUICK[name] : undefined) ?? DEFAULTS[name];
  const profile = values['profile-server'] ?? fromEnv('profile-server');
  const list = (name: OptionName) => read(name).split(',').map((t) => t.trim()).filter(Boolean);

  const scenarios = list('scenario');
  const unknown = scenarios.find((s) => !(SCENARIOS as readonly string[]).includes(s));
  if (unknown) throw new Error(`--scenario: unknown scenario "${unknown}"; known: ${SCENARIOS.join(', ')}`);
  return {
    scenarios: scenarios as ScenarioName[],
    targets: list('target'),
    quick,
    clients: list('clients').map((c) => positive('clients', c, { integer: true, min: 2 })),
    rate: positive('rate', read('rate')),
    seconds: positive('seconds', read('seconds')),
    warmupSeconds: positive('warmup', read('warmup'), { min: 0 }),
    documents: list('documents').map((d) => positive('documents', d, { integer: true, min: 1 })),
    updates: positive('updates', read('updates'), { integer: true, min: 2 }),
    restarts: positive('restarts', read('restarts'), { integer: true, min: 1 }),
    persistSeconds: positive('persist-seconds', read('persist-seconds')),
    workers: positive('workers', read('workers'), { integer: true, min: 1 }),
    retries: positive('retries', read('retries'), { integer: true, min: 0 }),
    rounds: positive('rounds', read('rounds'), { integer: true, min: 1 }),
    outDir: path.resolve(read('out')),
    profileServerDir: profile ? path.resolve(profile) : null,
  };
}

/** A number of at least `min`, or above 0 when `min` is not given. */
function positive(name: string, text: string, { integer = false, min }: { integer?: boolean; min?: number } = {}): number {
  const value = Number(text);
  const inRange = min === undefined ? value > 0 : value >= min;
  if (text.trim() === '' || !Number.isFinite(value) || !inRange || (integer && !Number.isInteger(value))) {
    throw new Error(`--${name} must be ${integer ? 'an integer' : 'a number'} ${min === undefined ? '> 0' : `>= ${min}`}, not "${text}"`);
  }
  return value;
}
