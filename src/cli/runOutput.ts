import type { RunEvent, RunSummary } from '../engine/types.js';

/**
 * How `cairn run` shows a run: NDJSON (one event per line) for scripts, or for people a log
 * line per message plus — on a terminal — one line that keeps updating with the current block
 * and the elapsed time.
 */

export type RunOutput = {
  event(event: RunEvent): void;
  /** Hides the progress line while the terminal debugger talks to the user. */
  suspend(): void;
  resume(): void;
  note(message: string): void;
  finish(summary: RunSummary): void;
};

type Stream = { write(text: string): unknown; isTTY?: boolean };

const paint = (enabled: boolean) => (code: number, text: string) =>
  enabled ? `\x1b[${code}m${text}\x1b[0m` : text;

export function jsonOutput(out: Stream): RunOutput {
  return {
    event: (event) => out.write(`${JSON.stringify(event)}\n`),
    suspend() {},
    resume() {},
    note() {},
    finish() {},
  };
}

function seconds(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`;
}

function show(value: unknown): string {
  if (value instanceof Date) return value.toISOString();
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 200 ? `${text.slice(0, 197)}…` : text;
}

type Paint = ReturnType<typeof paint>;

type ProgressLine = {
  /** Prints a line above the progress line (which is redrawn below it). */
  print(line: string, stream?: Stream): void;
  block(current: { blockId: string; blockType: string }): void;
  restartClock(): void;
  suspend(): void;
  resume(): void;
  stop(): void;
};

/** The one line that keeps updating on a terminal (`live`): the current block and the elapsed time. */
function progressLine(out: Stream, color: Paint, live: boolean): ProgressLine {
  let current: { blockId: string; blockType: string } | undefined;
  let began = performance.now();
  let suspended = false;
  let lineShown = false;
  let renderedAt = -Infinity;

  const clear = () => {
    if (lineShown) out.write('\r\x1b[2K');
    lineShown = false;
  };
  const render = () => {
    if (!live || suspended) return;
    const width = Math.max(20, ((out as { columns?: number }).columns ?? 80) - 1);
    const where = current ? `${current.blockId} (${current.blockType})` : 'starting';
    const text = `▶ ${where} · ${seconds(performance.now() - began)}`;
    out.write(`\r\x1b[2K${color(36, text.slice(0, width))}`);
    lineShown = true;
    renderedAt = performance.now();
  };
  const timer = live ? setInterval(render, 250) : undefined;
  timer?.unref();

  return {
    print(line, stream = out) {
      clear();
      stream.write(`${line}\n`);
      render();
    },
    block(block) {
      current = block;
      // Fast blocks come thousands a second: redraw at most every 100 ms, the timer does the rest.
      if (performance.now() - renderedAt > 100) render();
    },
    restartClock() {
      began = performance.now();
    },
    suspend() {
      clear();
      suspended = true;
    },
    resume() {
      suspended = false;
      render();
    },
    stop() {
      if (timer) clearInterval(timer);
      clear();
    },
  };
}

/** The run's end: success on stdout, a failure (with the block) or a stop on stderr, then its outputs. */
function writeSummary(out: Stream, err: Stream, color: Paint, summary: RunSummary): void {
  const took = seconds(summary.ms);
  if (summary.result === 'success') out.write(`${color(32, `✔ Success in ${took}`)}\n`);
  else if (summary.result === 'failed') {
    const error = summary.error;
    const where = error?.blockId
      ? ` (block "${error.blockId}"${error.blockType ? `, ${error.blockType}` : ''}${error.scenario ? ` in "${error.scenario}"` : ''})`
      : '';
    err.write(`${color(31, `✖ Failed after ${took}: ${error?.message ?? 'unknown error'}${where}`)}\n`);
    if (error?.screenshot) err.write(`  The page when it failed: ${error.screenshot}\n`);
  } else {
    // An abort the runner decided on (the stop grace ran out) says why.
    const why = summary.error?.message ? `: ${summary.error.message}` : '';
    err.write(
      `${color(33, `■ ${summary.result === 'stopped' ? 'Stopped' : 'Aborted'} after ${took}${why}`)}\n`,
    );
  }
  for (const [name, value] of Object.entries(summary.outputs)) out.write(`  ${name} = ${show(value)}\n`);
}

const levelColor = { debug: 2, info: 0, warn: 33, error: 31 } as const;

/** `color` defaults to: a terminal, and NO_COLOR not set. */
export function humanOutput(out: Stream, err: Stream, options: { color?: boolean } = {}): RunOutput {
  const live = out.isTTY === true;
  const color = paint(options.color ?? (live && !process.env.NO_COLOR));
  const progress = progressLine(out, color, live);
  let mainScenario: string | undefined;

  return {
    event(event) {
      switch (event.type) {
        case 'run.started':
          mainScenario = event.scenario;
          progress.restartClock();
          progress.print(color(1, `Running "${event.name}"`));
          break;
        case 'block.started':
          progress.block(event);
          break;
        case 'log': {
          const scope = event.scenario && event.scenario !== mainScenario ? `[${event.scenario}] ` : '';
          progress.print(
            color(levelColor[event.level], `${event.level.toUpperCase().padEnd(5)} ${scope}${event.message}`),
          );
          break;
        }
        default:
          break;
      }
    },
    suspend: () => progress.suspend(),
    resume: () => progress.resume(),
    note: (message) => progress.print(color(33, message), err),
    finish(summary) {
      progress.stop();
      writeSummary(out, err, color, summary);
    },
  };
}
