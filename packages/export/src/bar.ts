/**
 * A step-by-step progress line on stderr for export and report: a bar redrawn in place on a
 * terminal, a plain line per finished step otherwise, nothing when quiet.
 */
export interface BarStream {
  write(text: string): unknown;
  isTTY?: boolean;
  columns?: number;
}

export class StepBar {
  private lastDraw = 0;
  private readonly started = performance.now();

  constructor(
    private readonly stream: BarStream | null,
    private readonly steps: number,
  ) {}

  /** `fraction` is how far step `index` (0-based) has come, in [0, 1]. */
  update(index: number, label: string, fraction: number): void {
    if (!this.stream?.isTTY) return;
    const now = performance.now();
    if (now - this.lastDraw < 100 && fraction < 1) return;
    this.lastDraw = now;
    const overall = Math.min(1, (index + Math.max(0, Math.min(1, fraction))) / this.steps);
    const width = Math.max(10, Math.min(30, (this.stream.columns ?? 80) - 60));
    const filled = Math.round(overall * width);
    this.stream.write(
      `\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${Math.round(overall * 100)}% · ${index + 1}/${this.steps} ${label}\x1b[K`,
    );
  }

  /** Logs a finished step: on a terminal the bar moves on, elsewhere one line per step. */
  done(index: number, label: string, detail: string): void {
    if (!this.stream) return;
    if (this.stream.isTTY) this.update(index, label, 1);
    else this.stream.write(`govdocs: ${label}: ${detail}\n`);
  }

  end(summary: string): void {
    if (!this.stream) return;
    const seconds = ((performance.now() - this.started) / 1000).toFixed(1);
    if (this.stream.isTTY) this.stream.write('\r\x1b[K');
    this.stream.write(`govdocs: ${summary} in ${seconds} s\n`);
  }
}
