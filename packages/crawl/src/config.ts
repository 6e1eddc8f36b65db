/**
 * The crawl configuration (sites.json), validated with zod. Every mistake comes back as
 * `path: what is wrong. What to write instead`, all at once, so a user fixes the file in one go.
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { DEFAULT_ATTACHMENT_EXTENSIONS, DEFAULT_FOLLOW_TEXT, DEFAULT_FOLLOW_URL } from './patterns.js';

const HOST =
  /^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*(?::\d{1,5})?$|^\[[0-9a-f:]+\](?::\d{1,5})?$/i;

const regexSource = z.string().refine(isRegex, {
  message: 'is not a valid regular expression. Write a JavaScript regex source without slashes, e.g. "预算|决算"',
});

const int = (what: string, min: number, max: number, fallback: number) =>
  z
    .number({ error: `must be a whole number (${what}), from ${min} to ${max}, e.g. ${fallback}` })
    .int({ error: `must be a whole number (${what}), e.g. ${fallback}` })
    .min(min, { error: `must be at least ${min} (${what})` })
    .max(max, { error: `must be at most ${max} (${what})` })
    .default(fallback);

export const SiteSchema = z
  .strictObject(
    {
      name: z
        .string({ error: 'must be the site\'s name as text, e.g. "新平县人民政府"' })
        .trim()
        .min(1, { error: 'must not be empty: write the site\'s name, e.g. "新平县人民政府"' }),
      start: z
        .array(
          z.url({
            protocol: /^https?$/,
            error: 'must be a full http(s) address, e.g. "http://www.example.gov.cn/zwgk/czyjs/"',
          }),
          { error: 'must be a list of start addresses, e.g. ["http://www.example.gov.cn/zwgk/czyjs/"]' },
        )
        .min(1, { error: 'needs at least one start address, e.g. ["http://www.example.gov.cn/zwgk/czyjs/"]' }),
      allow: z
        .array(
          z.string().trim().toLowerCase().regex(HOST, {
            error:
              'is not a host. Write a host or host:port without scheme or path, e.g. "www.example.gov.cn" or "127.0.0.1:8080"',
          }),
          {
            error: 'must be a list of hosts the crawl may visit, e.g. ["www.example.gov.cn"]',
          },
        )
        .min(1, {
          error: 'needs at least one host, e.g. ["www.example.gov.cn"]; the crawl never visits a host not listed here',
        }),
      maxDepth: int('links followed away from a start page', 0, 20, 3),
      maxPages: int('requests per site', 1, 1_000_000, 500),
      maxListPages: int('pages followed along one chain of pagination', 1, 10_000, 50),
      delayMs: int('milliseconds between two requests to one host', 0, 600_000, 500),
      concurrency: int('requests at once to one host', 1, 16, 2),
      timeoutMs: int('milliseconds before one request is given up', 1, 600_000, 30_000),
      maxBytes: int('largest response kept, in bytes', 1, 2_000_000_000, 100_000_000),
      retries: int('tries again after a 5xx answer or a timeout', 0, 10, 2),
      maxRedirects: int('redirects followed for one address', 0, 20, 5),
      follow: z
        .array(regexSource, { error: 'must be a list of regex sources matched against link text, e.g. ["预算|决算"]' })
        .default([DEFAULT_FOLLOW_TEXT]),
      followUrl: z
        .array(regexSource, {
          error: 'must be a list of regex sources matched against the link address, e.g. ["czyjs|yjs"]',
        })
        .default([DEFAULT_FOLLOW_URL]),
      exclude: z
        .array(regexSource, {
          error: 'must be a list of regex sources; links whose address matches one are never fetched',
        })
        .default([]),
      attachments: z
        .array(
          z
            .string()
            .trim()
            .toLowerCase()
            .regex(/^\.?[a-z0-9]{1,8}$/, { error: 'must be a file extension, e.g. ".pdf"' }),
          { error: 'must be a list of file extensions, e.g. [".pdf", ".xls"]' },
        )
        .default(DEFAULT_ATTACHMENT_EXTENSIONS)
        .transform((exts) => exts.map((e) => (e.startsWith('.') ? e : `.${e}`))),
    },
    {
      error: (issue) =>
        issue.code === 'unrecognized_keys'
          ? `has unknown field(s) ${issue.keys.map((k) => `"${k}"`).join(', ')}; the fields are ${SITE_FIELDS}`
          : 'must be an object like {"name": ..., "start": [...], "allow": [...]}',
    },
  )
  .superRefine((site, ctx) => {
    site.start.forEach((url, i) => {
      if (!isAllowedHost(new URL(url), site.allow)) {
        ctx.addIssue({
          code: 'custom',
          path: ['start', i],
          message: `is on host "${new URL(url).host}", which is not in "allow". Add "${new URL(url).host}" to allow, or fix the address`,
        });
      }
    });
  });

const SITE_FIELDS =
  'name, start, allow, maxDepth, maxPages, maxListPages, delayMs, concurrency, timeoutMs, maxBytes, retries, maxRedirects, follow, followUrl, exclude, attachments';

export const CrawlConfigSchema = z.strictObject(
  {
    sites: z
      .array(SiteSchema, {
        error:
          'must be a list of sites, e.g. [{"name": "新平县人民政府", "start": ["http://host/zwgk/czyjs/"], "allow": ["host"]}]',
      })
      .min(1, { error: 'needs at least one site' }),
    /** Sites crawled at once (each still keeps to its own per-host limits). */
    parallelSites: int('sites crawled at once', 1, 64, 4),
    /** A contact (mail or page) added to the User-Agent so site owners can reach whoever runs the crawl. */
    contact: z.string().trim().min(1).max(200).optional(),
  },
  {
    error: (issue) =>
      issue.code === 'unrecognized_keys'
        ? `has unknown field(s) ${issue.keys.map((k) => `"${k}"`).join(', ')}; the fields are sites, parallelSites, contact`
        : 'must be an object like {"sites": [...]}',
  },
);

export type SiteConfig = z.output<typeof SiteSchema>;
export type CrawlConfig = z.output<typeof CrawlConfigSchema>;

export type ConfigResult = { ok: true; config: CrawlConfig } | { ok: false; errors: string[] };

/** Reads and validates a config file; never throws. */
export function loadConfig(path: string): ConfigResult {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    return {
      ok: false,
      errors: [
        `${path}: cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)}). Check the path given to --config.`,
      ],
    };
  }
  return parseConfig(text, path);
}

export function parseConfig(text: string, name = 'config'): ConfigResult {
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    return {
      ok: false,
      errors: [
        `${name}: is not valid JSON (${(error as Error).message}). Fix the syntax: double quotes around names and text, no trailing commas.`,
      ],
    };
  }
  const parsed = CrawlConfigSchema.safeParse(json);
  if (parsed.success) return { ok: true, config: parsed.data };
  return {
    ok: false,
    errors: parsed.error.issues.map((issue) => `${name}: ${formatPath(issue.path)} ${issue.message}`),
  };
}

function formatPath(path: PropertyKey[]): string {
  if (!path.length) return '(top level)';
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i ? '.' : ''}${String(p)}`)).join('');
}

/** Whether a URL's host is listed: "host" allows that host on any port, "host:port" only that port. */
export function isAllowedHost(url: URL, allow: string[]): boolean {
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return false;
  const hostname = url.hostname.toLowerCase();
  const port = url.port || (url.protocol === 'https:' ? '443' : '80');
  return allow.some((entry) => {
    const m = /^(.*?)(?::(\d+))?$/.exec(entry)!;
    return m[1] === hostname && (m[2] === undefined || m[2] === port);
  });
}

function isRegex(source: string): boolean {
  try {
    new RegExp(source, 'iu');
    return true;
  } catch {
    return false;
  }
}
