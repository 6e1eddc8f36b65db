/**
 * Where the queue lives: a `redis://[user:password@]host[:port][/db]` address (`rediss://` for
 * TLS) → the connection options every BullMQ object of govdocs uses.
 *
 * Connections wait out a Redis restart instead of failing: commands are held while the client
 * reconnects (every 0.25-2 s, forever), so a run or a worker pauses and goes on.
 */
import type { RedisOptions } from 'bullmq';
import { Redis, type RedisOptions as ClientOptions } from 'ioredis';

export interface RedisTarget {
  /** ioredis options (BullMQ takes them as they are). */
  options: RedisOptions;
  /** The address without its password, for messages. */
  display: string;
}

export type ParsedTarget = { ok: true; target: RedisTarget } | { ok: false; message: string };

const EXAMPLE = 'redis://127.0.0.1:6379/0';

export function parseRedisUrl(text: string): ParsedTarget {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return { ok: false, message: `--queue takes a Redis address like ${EXAMPLE}, not "${text}"` };
  }
  if (url.protocol !== 'redis:' && url.protocol !== 'rediss:') {
    return { ok: false, message: `--queue takes a redis:// or rediss:// address like ${EXAMPLE}, not "${text}"` };
  }
  const dbText = url.pathname.replace(/^\//, '');
  const db = dbText === '' ? 0 : Number(dbText);
  if (!Number.isInteger(db) || db < 0)
    return { ok: false, message: `the database in "${text}" must be a whole number, e.g. ${EXAMPLE}` };
  const port = url.port === '' ? 6379 : Number(url.port);
  const host = url.hostname.replace(/^\[|\]$/g, '');
  const options: RedisOptions = {
    host,
    port,
    db,
    ...(url.username ? { username: decodeURIComponent(url.username) } : {}),
    ...(url.password ? { password: decodeURIComponent(url.password) } : {}),
    ...(url.protocol === 'rediss:' ? { tls: { servername: host } } : {}),
    // BullMQ's blocking commands need this; for the rest it means "wait for Redis", which is the point.
    maxRetriesPerRequest: null,
    enableOfflineQueue: true,
    retryStrategy: (times: number) => Math.min(250 * times, 2000),
  };
  const auth = url.username ? `${url.username}@` : url.password ? '***@' : '';
  return { ok: true, target: { options, display: `${url.protocol}//${auth}${url.host}/${db}` } };
}

/**
 * Checks once that Redis answers (for short commands that should fail fast, not wait): undefined
 * when it does, else what to do.
 */
export async function unreachable(target: RedisTarget, timeoutMs = 3000): Promise<string | undefined> {
  const client = new Redis({
    ...(target.options as ClientOptions),
    lazyConnect: true,
    retryStrategy: () => null,
    maxRetriesPerRequest: 0,
    enableOfflineQueue: false,
    connectTimeout: timeoutMs,
  });
  client.on('error', () => undefined);
  try {
    await client.connect();
    await client.ping();
    return undefined;
  } catch (error) {
    return `Redis at ${target.display} does not answer (${(error as Error).message}). Start it, or point --queue at a running one (see the README, "Running on a queue").`;
  } finally {
    client.disconnect();
  }
}

/** Logs a connection's trouble once per outage, and its return, instead of once per retry. */
export class OutageLog {
  private down = false;

  constructor(
    private readonly what: string,
    private readonly log: (line: string) => void,
  ) {}

  error(error: Error): void {
    if (this.down) return;
    this.down = true;
    this.log(`govdocs: ${this.what}: Redis does not answer (${error.message}); waiting for it to come back.`);
  }

  ok(): void {
    if (!this.down) return;
    this.down = false;
    this.log(`govdocs: ${this.what}: Redis answers again; going on.`);
  }
}
