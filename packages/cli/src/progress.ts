/**
 * Progress on stderr: a one-line bar redrawn in place on a terminal; plain periodic log lines
 * otherwise (CI logs, cron mail); nothing with --quiet.
 */
export type ProgressMode = 'bar' | 'lines' | 'quiet';

export interface ProgressStream {
  write(text: string): unknown;
  isTTY?: boolean;
  columns?: number;
}

export class Progress {
  private done = 0;
  private failed = 0;
  private started = performance.now();
  private lastDraw = 0;

  constructor(
    private readonly total: number,
    private readonly mode: ProgressMode,
    private readonly stream: ProgressStream,
    /** How often a plain log line is written, in ms. */
    private readonly lineEveryMs = 10_000,
  ) {}

  static modeFor(stream: ProgressStream, quiet: boolean): ProgressMode {
    return quiet ? 'quiet' : stream.isTTY ? 'bar' : 'lines';
  }

  tick(failed: boolean): void {
    this.done++;
    if (failed) this.failed++;
    const now = performance.now();
    if (this.mode === 'bar' && (now - this.lastDraw > 100 || this.done === this.total)) {
      this.lastDraw = now;
      this.stream.write(`\r${this.bar()}\x1b[K`);
    } else if (this.mode === 'lines' && now - this.lastDraw >= this.lineEveryMs) {
      this.lastDraw = now;
      this.stream.write(`govdocs: ${this.status()}\n`);
    }
  }

  /** Clears the bar so the summary line starts clean. */
  end(): void {
    if (this.mode === 'bar') this.stream.write('\r\x1b[K');
  }

  status(): string {
    const seconds = (performance.now() - this.started) / 1000;
    const rate = seconds > 0 ? this.done / seconds : 0;
    const eta = rate > 0 ? formatDuration((this.total - this.done) / rate) : '?';
    return `${this.done}/${this.total} documents · ${rate.toFixed(1)} docs/s · ${this.failed} failed · ETA ${eta}`;
  }

  private bar(): string {
    const width = Math.max(10, Math.min(30, (this.stream.columns ?? 80) - 70));
    const filled = this.total ? Math.round((this.done / this.total) * width) : width;
    return `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${this.status()}`;
  }
}

export function formatDuration(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const rest = String(s % 60).padStart(2, '0');
  return h ? `${h}:${String(m).padStart(2, '0')}:${rest}` : `${m}:${rest}`;
}
