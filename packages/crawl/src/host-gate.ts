/**
 * Politeness towards one host: at most `concurrency` requests at once (a p-queue, the crawl's one
 * concurrency mechanism), and request starts spaced `intervalMs` apart. `intervalMs` can grow
 * (robots.txt Crawl-delay).
 */
import { setTimeout as sleep } from 'node:timers/promises';
import PQueue from 'p-queue';

export class HostGate {
  private readonly queue: PQueue;
  private nextStart = 0;

  constructor(
    readonly concurrency: number,
    public intervalMs: number,
  ) {
    this.queue = new PQueue({ concurrency });
  }

  run<T>(task: () => Promise<T>): Promise<T> {
    return this.queue.add(async () => {
      const now = Date.now();
      const wait = this.nextStart - now;
      this.nextStart = Math.max(now, this.nextStart) + this.intervalMs;
      if (wait > 0) await sleep(wait);
      return task();
    });
  }
}
