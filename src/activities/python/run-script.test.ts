import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHarness, expectParamError, type Harness } from '../testing/harness.js';
import { runPython } from './run-script.js';
import { until } from '../../testing/until.js';

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}


let h: Harness;
beforeEach(async () => {
  h = await createHarness();
});
afterEach(() => h.close());

describe('python.run', () => {
  it('runs inline code with JSON in and out, printing into the log', async () => {
    const code = 'print("Привет,", input["name"])\nresult = {"total": sum(input["items"]), "names": [input["name"].upper()]}';
    const out = await h.run(runPython, { code, input: { name: 'Анна', items: [1, 2, 3.5] } });
    expect(out?.outputs).toEqual({ result: { total: 6.5, names: ['АННА'] }, stdout: 'Привет, Анна\n', exitCode: 0 });
    expect(h.logs).toContainEqual({ level: 'info', message: '[python] Привет, Анна' });
  });

  it('runs a script file with arguments, next to its own modules', async () => {
    await writeFile(join(h.projectDir, 'helper.py'), 'def double(x):\n    return 2 * x\n');
    await writeFile(join(h.projectDir, 'main.py'), 'import sys\nfrom helper import double\nresult = [double(int(a)) for a in sys.argv[1:]]\n');
    const out = await h.run(runPython, { source: 'file', scriptPath: 'main.py', args: ['4', '21'] });
    expect(out?.outputs?.result).toEqual([8, 42]);
  });

  it('returns null when the script sets no result, and keeps the result on sys.exit(0)', async () => {
    expect((await h.run(runPython, { code: 'x = 1' }))?.outputs?.result).toBeNull();
    expect((await h.run(runPython, { code: 'import sys\nresult = "done"\nsys.exit(0)' }))?.outputs?.result).toBe('done');
  });

  it('fails with the exit code and the last stderr lines', async () => {
    const run = h.run(runPython, { code: 'import sys\nprint("about to fail")\nraise ValueError("bad invoice number 17")' });
    await expect(run).rejects.toMatchObject({ code: 'PYTHON_ERROR', message: expect.stringMatching(/exit code 1:[\s\S]*ValueError: bad invoice number 17/) });
    const exit = h.run(runPython, { code: 'import sys\nsys.stderr.write("disk full\\n")\nsys.exit(3)' });
    await expect(exit).rejects.toThrow('Python (inline code) failed with exit code 3:\ndisk full');
  });

  it('kills the script and the processes it started when the run is aborted', async () => {
    const code = 'import subprocess, time\nchild = subprocess.Popen(["sleep", "120"])\nprint("child", child.pid, flush=True)\ntime.sleep(120)';
    const run = h.run(runPython, { code });
    await until(() => h.logs.some((l) => l.message.startsWith('[python] child ')), 'the script to start its child');
    const childPid = Number(h.logs.find((l) => l.message.startsWith('[python] child '))?.message.split(' ')[2]);
    const [pythonPid] = h.processes;
    h.controller.abort(new Error('Run aborted'));
    await expect(run).rejects.toThrow('Run aborted');
    await until(() => !isAlive(pythonPid) && !isAlive(childPid), 'python and its child to die');
  });

  it('stops a script that runs past its timeout', async () => {
    await expect(h.run(runPython, { code: 'import time\ntime.sleep(60)', timeoutMs: 300 })).rejects.toMatchObject({ code: 'TIMEOUT' });
  });

  it('rejects bad input with the cause', async () => {
    await expect(h.run(runPython, { code: '   ' })).rejects.toThrow('"code" is empty');
    await expect(h.run(runPython, { source: 'file', scriptPath: 'missing.py' })).rejects.toMatchObject({ code: 'ENOENT', message: expect.stringContaining('missing.py') });
    await expect(h.run(runPython, { code: 'x=1', interpreter: 'python-does-not-exist' })).rejects.toThrow('Python interpreter "python-does-not-exist" not found');
    await expectParamError(h.run(runPython, { code: 'x=1', args: 'a b' }), 'args', /expects list, got text/);
    await expect(h.run(runPython, { code: 'def broken(:\n  pass' })).rejects.toThrow('SyntaxError');
  });
});
