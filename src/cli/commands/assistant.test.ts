import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { startCli } from '../testing/spawnCli.js';
import { alive, runnerChildren } from '../../engine/runner/testing/processes.js';
import { until, writeProject } from '../../robot/testing/kit.js';

const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function call(url: URL, command: string, args: unknown = {}): Promise<unknown> {
  const ws = new WebSocket(`ws://${url.host}/api?token=${url.searchParams.get('token')}`, {
    origin: url.origin,
  });
  try {
    return await new Promise((resolve, reject) => {
      ws.once('open', () => ws.send(JSON.stringify({ id: 1, command, args })));
      // Events (assistant.changed…) may come first: wait for the answer to our call.
      ws.on('message', (data: Buffer) => {
        const frame = JSON.parse(data.toString()) as { id?: number; result?: unknown };
        if (frame.id === 1) resolve(frame.result);
      });
      ws.once('error', reject);
    });
  } finally {
    ws.close();
  }
}

describe('cairn assistant', () => {
  it('serves the Assistant face with the projects given on the command line, and ends on Ctrl+C', async () => {
    const root = await mkdtemp(join(tmpdir(), 'cairn-assistant-cli-'));
    cleanups.push(() => rm(root, { recursive: true, force: true }));
    // Waits a minute: still running when the Assistant is told to end.
    const project = await writeProject(
      join(root, 'payroll'),
      'Payroll',
      [
        { id: 'start', type: 'core.start' },
        { id: 'wait', type: 'core.delay', params: { ms: 60_000 } },
      ],
      [{ from: 'start', to: 'wait' }],
    );
    const run = startCli(['assistant', project, '--data', join(root, 'data'), '--no-open']);

    const printed = /Cairn Assistant: (\S+)/;
    await run.waitFor((stdout) => printed.test(stdout), 20_000);
    const page = new URL(printed.exec(run.stdout())![1]);
    expect(page.hostname).toBe('127.0.0.1');
    expect(await call(page, 'app.info')).toMatchObject({ face: 'assistant' });
    const [payroll] = (await call(page, 'assistant.processes')) as { id: string }[];
    expect(payroll).toEqual(expect.objectContaining({ name: 'Payroll', kind: 'project', path: project }));

    await call(page, 'assistant.run', { id: payroll.id, args: {} });
    const runners = runnerChildren(Number(run.child.pid));
    expect(runners.length).toBeGreaterThan(0);
    run.child.kill('SIGTERM');
    expect((await run.exit).code).toBe(0);
    // The runner went with the host: nothing keeps running after the Assistant ends.
    // (A killed child may need a moment to be reaped once its parent is gone.)
    await until(() => runners.every((pid) => !alive(pid)), 'the runner to end', 10_000);
  });

  it('explains a wrong command line with exit code 2', async () => {
    const notProject = startCli(['assistant', tmpdir(), '--no-open']);
    expect((await notProject.exit).code).toBe(2);
    expect(notProject.stderr()).toContain('is neither a Cairn project');
  });
});
