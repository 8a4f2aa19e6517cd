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

/** `color` defaults to: a terminal, and NO_COLOR not set. */
export function humanOutput(out: Stream, err: Stream, options: { color?: boolean } = {}): RunOutput {
  const live = out.isTTY === true;
  const color = paint(options.color ?? (live && !process.env.NO_COLOR));
  const levelColor = { debug: 2, info: 0, warn: 33, error: 31 } as const;
  let mainScenario: string | undefined;
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
  const print = (line: string, stream: Stream = out) => {
    clear();
    stream.write(`${line}\n`);
    render();
  };
  const timer = live ? setInterval(render, 250) : undefined;
  timer?.unref();

  return {
    event(event) {
      switch (event.type) {
        case 'run.started':
          mainScenario = event.scenario;
          began = performance.now();
          print(color(1, `Running "${event.name}"`));
          break;
        case 'block.started':
          current = event;
          // Fast blocks come thousands a second: redraw at most every 100 ms, the timer does the rest.
          if (performance.now() - renderedAt > 100) render();
          break;
        case 'log': {
          const scope = event.scenario && event.scenario !== mainScenario ? `[${event.scenario}] ` : '';
          print(
            color(levelColor[event.level], `${event.level.toUpperCase().padEnd(5)} ${scope}${event.message}`),
          );
          break;
        }
        default:
          break;
      }
    },
    suspend() {
      clear();
      suspended = true;
    },
    resume() {
      suspended = false;
      render();
    },
    note: (message) => print(color(33, message), err),
    finish(summary) {
      if (timer) clearInterval(timer);
      clear();
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
    },
  };
}
