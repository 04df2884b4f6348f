import { configDefaults, defineConfig } from 'vitest/config';

const RELIABILITY = 'test/reliability/**/*.test.ts';

export default defineConfig({
  test: {
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Two cores: browser tests and server processes compete with the workers.
    maxWorkers: 2,
    projects: [
      {
        extends: true,
        test: { name: 'main', include: ['{server,shared,client,test}/**/*.test.ts'], exclude: [...configDefaults.exclude, RELIABILITY] },
      },
      {
        extends: true,
        // After the rest, one file at a time: they load the server on purpose and time how it holds up,
        // which a browser test running beside them on two cores turned into timeouts.
        test: { name: 'reliability', include: [RELIABILITY], fileParallelism: false, sequence: { groupOrder: 1 } },
      },
    ],
  },
});
