import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHarness, expectParamError, type Harness } from '../testing/harness.js';
import { runCommand } from './run-command.js';
import { getEnv, setEnv } from './environment.js';

let h: Harness;
beforeEach(async () => {
  h = await createHarness();
});
afterEach(() => h.close());

describe('system.runCommand', () => {
  it('runs a program with arguments in the project folder and captures its output', async () => {
    await writeFile(join(h.projectDir, 'a.txt'), 'first line\nsecond line\n');
    const out = await h.run(runCommand, { command: 'cat', args: ['a.txt'] });
    expect(out?.outputs).toEqual({ exitCode: 0, stdout: 'first line\nsecond line\n', stderr: '' });
    expect(h.logs).toContainEqual({ level: 'info', message: '[cat] second line' });
    expect(h.processes).toHaveLength(1);
  });

  it('runs a shell command line with env and cwd', async () => {
    await mkdir(join(h.projectDir, 'sub'));
    const out = await h.run(runCommand, { command: 'echo "$GREETING from $(basename "$PWD")" | tr a-z A-Z', shell: true, cwd: 'sub', env: { GREETING: 'hi' } });
    expect(out?.outputs?.stdout).toBe('HI FROM SUB\n');
  });

  it('fails on a non-zero exit code with stderr, or returns it when asked to', async () => {
    const failing = h.run(runCommand, { command: 'echo "no such report" >&2; exit 4', shell: true });
    await expect(failing).rejects.toMatchObject({ code: 'EXIT_CODE', message: expect.stringContaining('exit code 4:\nno such report') });
    const tolerated = await h.run(runCommand, { command: 'sh', args: ['-c', 'exit 4'], failOnNonZero: false });
    expect(tolerated?.outputs?.exitCode).toBe(4);
  });

  it('stops a command past its timeout and one the run aborts', async () => {
    await expect(h.run(runCommand, { command: 'sleep', args: ['30'], timeoutMs: 200 })).rejects.toMatchObject({ code: 'TIMEOUT' });
    const running = h.run(runCommand, { command: 'sleep', args: ['30'] });
    h.controller.abort(new Error('Run aborted'));
    await expect(running).rejects.toThrow('Run aborted');
  });

  it('rejects bad input with the cause', async () => {
    await expectParamError(h.run(runCommand, { command: '' }), 'command', /is required/);
    await expect(h.run(runCommand, { command: '   ' })).rejects.toThrow('"command" is empty');
    await expect(h.run(runCommand, { command: 'no-such-program-xyz' })).rejects.toMatchObject({ code: 'ENOENT', message: expect.stringContaining('"no-such-program-xyz" not found') });
    await expect(h.run(runCommand, { command: 'ls', cwd: 'nope' })).rejects.toThrow('Working folder not found');
    await expectParamError(h.run(runCommand, { command: 'ls', args: '-l' }), 'args', /expects list, got text/);
    await expectParamError(h.run(runCommand, { command: 'ls', env: ['A=1'] }), 'env', /expects dictionary, got list/);
  });
});

describe('system environment variables', () => {
  it('sets, reads and removes a variable, which commands then see', async () => {
    const name = `CAIRN_TEST_${process.pid}`;
    expect((await h.run(getEnv, { name, default: 'none' }))?.outputs).toEqual({ value: 'none', exists: false });
    expect((await h.run(setEnv, { name, value: 'Значение 1' }))?.outputs?.previous).toBe('');
    expect((await h.run(getEnv, { name }))?.outputs).toEqual({ value: 'Значение 1', exists: true });
    const seen = await h.run(runCommand, { command: `printf %s "$${name}"`, shell: true });
    expect(seen?.outputs?.stdout).toBe('Значение 1');
    expect((await h.run(setEnv, { name, remove: true }))?.outputs?.previous).toBe('Значение 1');
    expect((await h.run(getEnv, { name }))?.outputs?.exists).toBe(false);
  });

  it('rejects invalid names', async () => {
    await expect(h.run(getEnv, { name: 'A B' })).rejects.toThrow('not a valid environment variable name');
    await expectParamError(h.run(setEnv, { name: '', value: 'x' }), 'name', /is required/);
    await expect(h.run(setEnv, { name: 'A=B', value: 'x' })).rejects.toThrow('not a valid environment variable name');
  });
});
