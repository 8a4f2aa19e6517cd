import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SCENARIO_FORMAT, scenarioSchema } from '../scenario/schema.js';
import { makeTable } from '../scenario/values.js';
import { inArguments, readArgsFile, writeOutArguments } from './argsFile.js';

async function argsFile(content: unknown): Promise<string> {
  const file = join(await mkdtemp(join(tmpdir(), 'cairn-args-')), 'args.json');
  await writeFile(file, JSON.stringify(content));
  return file;
}

describe('vendor argument file', () => {
  it('takes In and InOut values, turns a DataTable of rows into a table, skips Out', async () => {
    const file = await argsFile([
      { Name: 'path', Type: 'Text', Direction: 'In', Value: 'C:/in' },
      { Name: 'rows', Type: 'DataTable', Direction: 'InOut', Value: [{ a: 1 }, { a: 2, b: 3 }] },
      { Name: 'count', Type: 'Number', Direction: 'Out', Value: 0 },
      { Name: 'flag', Type: 'Logical', Value: true },
    ]);
    const args = inArguments(await readArgsFile(file), file);
    expect(args).toEqual({
      path: 'C:/in',
      rows: makeTable(['a', 'b'], [{ a: 1 }, { a: 2, b: 3 }]),
      flag: true,
    });
  });

  it('refuses a file that is not a list of arguments, or an unknown direction', async () => {
    await expect(readArgsFile(await argsFile({ Name: 'x' }))).rejects.toThrow(/expected a JSON list/);
    await expect(readArgsFile(await argsFile([{ Name: 'x', Direction: 'Sideways' }]))).rejects.toThrow(
      /unknown Direction "Sideways"/,
    );
  });

  it('writes outputs into Out/InOut entries and appends missing out-arguments with vendor types', async () => {
    const list = [
      { Name: 'rows', Type: 'DataTable', Direction: 'InOut', Value: [] },
      { Name: 'path', Type: 'Text', Direction: 'In', Value: 'kept' },
    ];
    const file = await argsFile(list);
    const doc = scenarioSchema.parse({
      format: SCENARIO_FORMAT,
      id: 's',
      name: 'S',
      variables: [
        { name: 'rows', type: 'table', direction: 'inout' },
        { name: 'path', type: 'text', direction: 'in' },
        { name: 'done', type: 'boolean', direction: 'out' },
      ],
    });
    await writeOutArguments(
      file,
      list,
      { rows: makeTable(['a'], [{ a: 5 }]), path: 'changed', done: true },
      doc,
    );
    expect(JSON.parse(await readFile(file, 'utf8'))).toEqual([
      { Name: 'rows', Type: 'DataTable', Direction: 'InOut', Value: [{ a: 5 }] },
      { Name: 'path', Type: 'Text', Direction: 'In', Value: 'kept' },
      { Name: 'done', Type: 'Logical', Direction: 'Out', Value: true },
    ]);
  });
});
