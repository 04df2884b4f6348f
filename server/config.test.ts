import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config';

function configError(env: Record<string, string | undefined>): ConfigError {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error(`loadConfig accepted ${JSON.stringify(env)}`);
}

describe('loadConfig', () => {
  it('uses the documented defaults when nothing is set', () => {
    expect(loadConfig({})).toEqual({
      port: 8787,
      host: '0.0.0.0',
      dataDir: path.resolve('./data'),
      clientDir: path.resolve('./dist/client'),
      maxFrameBytes: 1024 * 1024,
      maxDocumentBytes: 16 * 1024 * 1024,
      compactAfterUpdates: 500,
      unloadGraceMs: 5000,
      versions: { afterPauseMs: 120_000, everyUpdates: 1000 },
      maxSendBufferBytes: 8 * 1024 * 1024,
      pingIntervalMs: 30_000,
      sqliteSynchronous: 'FULL',
      logLevel: 'info',
      sessionTtlMs: 30 * 24 * 3600 * 1000,
      secureCookies: false,
      trustedProxies: 0,
      limits: {
        maxConnectionsPerAddress: 200,
        maxConnectionsPerSession: 32,
        connectionRatePerAddress: 5,
        messageRatePerSession: 300,
        messageRatePerAddress: 2000,
        writeRatePerSession: 20,
      },
    });
  });

  it('reads every variable from the environment', () => {
    const config = loadConfig({
      PORT: '9000',
      HOST: '127.0.0.1',
      DATA_DIR: '/srv/ensemble/data',
      CLIENT_DIR: 'build/web',
      MAX_FRAME_BYTES: '4096',
      MAX_DOCUMENT_BYTES: '2048',
      COMPACT_AFTER_UPDATES: '3',
      UNLOAD_GRACE_MS: '0',
      VERSION_AFTER_PAUSE_MS: '1500',
      VERSION_EVERY_UPDATES: '20',
      MAX_SEND_BUFFER_BYTES: '65536',
      PING_INTERVAL_MS: '250',
      SQLITE_SYNCHRONOUS: 'NORMAL',
      DATABASE_URL: 'postgres://ensemble@db.internal/ensemble',
      REDIS_URL: 'redis://cache.internal:6379',
      LOG_LEVEL: 'silent',
      SESSION_TTL_SECONDS: '60',
      SECURE_COOKIES: 'true',
      TRUST_PROXY: '2',
    });
    expect(config).toEqual({
      port: 9000,
      host: '127.0.0.1',
      dataDir: '/srv/ensemble/data',
      clientDir: path.resolve('build/web'),
      maxFrameBytes: 4096,
      maxDocumentBytes: 2048,
      compactAfterUpdates: 3,
      unloadGraceMs: 0,
      versions: { afterPauseMs: 1500, everyUpdates: 20 },
      maxSendBufferBytes: 65536,
      pingIntervalMs: 250,
      sqliteSynchronous: 'NORMAL',
      databaseUrl: 'postgres://ensemble@db.internal/ensemble',
      redisUrl: 'redis://cache.internal:6379',
      logLevel: 'silent',
      sessionTtlMs: 60_000,
      secureCookies: true,
      trustedProxies: 2,
      limits: expect.any(Object),
    });
  });

  it('accepts port 0 so tests can ask for a free port', () => {
    expect(loadConfig({ PORT: '0' }).port).toBe(0);
  });

  it('accepts the smallest allowed frame limit', () => {
    expect(loadConfig({ MAX_FRAME_BYTES: '1024' }).maxFrameBytes).toBe(1024);
  });

  it('treats empty strings as unset, as shells and .env files leave them', () => {
    const empty = { PORT: '', HOST: '', DATA_DIR: '', MAX_FRAME_BYTES: '', SQLITE_SYNCHRONOUS: '', LOG_LEVEL: '' };
    expect(loadConfig(empty)).toEqual(loadConfig({}));
    // A blank number must not coerce to 0 (a random port, no grace period).
    expect(loadConfig({ PORT: ' ', UNLOAD_GRACE_MS: '  ' })).toEqual(loadConfig({}));
  });

  it('ignores variables it does not own', () => {
    expect(loadConfig({ PATH: '/usr/bin', HOME: '/root', NODE_ENV: 'production' })).toEqual(loadConfig({}));
  });

  it.each([
    ['PORT', 'abc'],
    ['PORT', '70000'],
    ['PORT', '-1'],
    ['PORT', '80.5'],
    ['SQLITE_SYNCHRONOUS', 'OFF'],
    ['SQLITE_SYNCHRONOUS', 'full'],
    ['MAX_FRAME_BYTES', '10'],
    ['MAX_DOCUMENT_BYTES', 'lots'],
    ['COMPACT_AFTER_UPDATES', '0'],
    ['UNLOAD_GRACE_MS', '-5'],
    ['PING_INTERVAL_MS', '10'],
    ['LOG_LEVEL', 'verbose'],
    ['TRUST_PROXY', 'true'],
    ['TRUST_PROXY', '-1'],
  ])('rejects %s=%s with a ConfigError naming the variable', (name, value) => {
    const error = configError({ [name]: value });
    expect(error.name).toBe('ConfigError');
    expect(error.message).toContain(name);
  });

  it('names every bad variable at once', () => {
    const error = configError({ PORT: 'abc', MAX_FRAME_BYTES: '10', HOST: 'localhost' });
    expect(error.message).toContain('PORT');
    expect(error.message).toContain('MAX_FRAME_BYTES');
    expect(error.message).not.toContain('HOST');
  });

  it('returns a frozen config', () => {
    const config = loadConfig({ PORT: '1234' });
    expect(Object.isFrozen(config)).toBe(true);
    expect(() => {
      (config as { port: number }).port = 1;
    }).toThrow(TypeError);
    expect(config.port).toBe(1234);
  });
});
