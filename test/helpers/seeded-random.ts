import { randomInt } from 'node:crypto';
import { onTestFailed } from 'vitest';

/** A deterministic source of random choices (mulberry32), so a failing run can be replayed. */
export interface Random {
  readonly seed: number;
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [min, max], both included. */
  int(min: number, max: number): number;
  chance(probability: number): boolean;
  pick<T>(items: readonly T[]): T;
  bytes(length: number): Uint8Array;
  /** A new independent stream, derived from this seed and `label`: stable whatever else draws from this one. */
  fork(label: number): Random;
}

export function seededRandom(seed: number): Random {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  return {
    seed,
    next,
    int,
    chance: (probability) => next() < probability,
    pick: (items) => items[int(0, items.length - 1)]!,
    bytes: (length) => Uint8Array.from({ length }, () => int(0, 255)),
    fork: (label) => seededRandom(Math.imul(seed ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(label + 1, 0xc2b2ae35)),
  };
}

/**
 * The seed of the current test: `TEST_SEED` when set, to replay a failure,
 * otherwise a fresh one. Printed if the test fails.
 */
export function testSeed(): number {
  const seed = process.env.TEST_SEED ? Number(process.env.TEST_SEED) : randomInt(2 ** 31);
  if (!Number.isSafeInteger(seed)) throw new Error(`TEST_SEED must be an integer, not ${process.env.TEST_SEED}`);
  onTestFailed(() => console.error(`This run used seed ${seed}; replay it with TEST_SEED=${seed}.`));
  return seed;
}
