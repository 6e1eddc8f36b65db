import { describe, expect, it } from 'vitest';
import { ByteBudget } from './read-ahead.js';

const settled = async (p: Promise<unknown>) => {
  let done = false;
  void p.then(() => (done = true));
  await new Promise((resolve) => setImmediate(resolve));
  return done;
};

describe('ByteBudget (bytes of files read ahead of the workers)', () => {
  it('makes a file wait until the bytes it needs are given back', async () => {
    const budget = new ByteBudget(100);
    await budget.take(60);
    const second = budget.take(60);
    expect(await settled(second)).toBe(false);
    budget.give(60);
    expect(await settled(second)).toBe(true);
    expect(budget.held).toBe(60);
  });

  it('lets a file larger than the whole budget through when nothing else is held', async () => {
    const budget = new ByteBudget(100);
    expect(await settled(budget.take(500))).toBe(true);
    expect(await settled(budget.take(1))).toBe(false);
  });
});
