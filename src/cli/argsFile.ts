import { readFile } from 'node:fs/promises';
import { writeFileAtomic } from '../util/atomicWrite.js';
import type { Scenario, VariableType } from '../scenario/schema.js';
import { isTable, makeTable } from '../scenario/values.js';
import { UsageError } from './options.js';

/**
 * The vendor robot's argument file (`ProcessAgent.exe -args args.json file.robot`): a JSON list
 * of `{ "Name", "Type", "Direction", "Value" }`. In-arguments feed the run; after a successful
 * run the out-arguments' values are written back into the same file, so existing launch scripts
 * keep working with Cairn.
 */

export type VendorArgument = { Name: string; Type?: string; Direction?: string; Value?: unknown };

type Direction = 'in' | 'out' | 'inout';

/** The vendor's type names (Text, Logical, DataTable …) for our variable types, and back. */
const toVendorType: Record<VariableType, string> = {
  text: 'Text',
  number: 'Number',
  boolean: 'Logical',
  datetime: 'DateTime',
  list: 'List',
  dictionary: 'Dictionary',
  table: 'DataTable',
  secret: 'SecureString',
  any: 'Object',
};

function direction(arg: VendorArgument, file: string): Direction {
  const raw = (arg.Direction ?? 'In').toLowerCase().replace(/[^a-z]/g, '');
  if (raw === 'in' || raw === 'out' || raw === 'inout') return raw;
  throw new UsageError(
    `${file}: argument "${arg.Name}" has an unknown Direction "${arg.Direction}" (In, Out or InOut)`,
  );
}

/** A DataTable may come as a list of row objects; the engine works with Table values. */
function fromVendorValue(arg: VendorArgument): unknown {
  const type = (arg.Type ?? '').toLowerCase();
  if (
    type === 'datatable' &&
    Array.isArray(arg.Value) &&
    arg.Value.every((row) => typeof row === 'object' && row !== null)
  ) {
    const rows = arg.Value as Record<string, unknown>[];
    return makeTable([...new Set(rows.flatMap((row) => Object.keys(row)))], rows);
  }
  return arg.Value;
}

function toVendorValue(value: unknown): unknown {
  return isTable(value) ? value.rows : value;
}

export async function readArgsFile(file: string): Promise<VendorArgument[]> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(await readFile(file, 'utf8'));
  } catch (error) {
    throw new UsageError(`cannot read the argument file ${file}: ${(error as Error).message}`);
  }
  const list = parsed as VendorArgument[];
  if (
    !Array.isArray(list) ||
    !list.every((arg) => typeof arg === 'object' && arg !== null && typeof arg.Name === 'string')
  ) {
    throw new UsageError(`${file}: expected a JSON list of { "Name", "Type", "Direction", "Value" }`);
  }
  for (const arg of list) direction(arg, file);
  return list;
}

/** The values of the In / InOut arguments, by name. */
export function inArguments(list: readonly VendorArgument[], file: string): Record<string, unknown> {
  const args: Record<string, unknown> = {};
  for (const arg of list) if (direction(arg, file) !== 'out') args[arg.Name] = fromVendorValue(arg);
  return args;
}

/** Writes the run's outputs into the Out / InOut entries; adds entries for outputs the file lacks. */
export async function writeOutArguments(
  file: string,
  list: readonly VendorArgument[],
  outputs: Record<string, unknown>,
  doc: Scenario,
): Promise<void> {
  const updated = list.map((arg) =>
    direction(arg, file) !== 'in' && arg.Name in outputs
      ? { ...arg, Value: toVendorValue(outputs[arg.Name]) }
      : arg,
  );
  const listed = new Set(list.map((arg) => arg.Name));
  for (const variable of doc.variables) {
    if (variable.direction !== 'out' || listed.has(variable.name) || !(variable.name in outputs)) continue;
    updated.push({
      Name: variable.name,
      Type: toVendorType[variable.type],
      Direction: 'Out',
      Value: toVendorValue(outputs[variable.name]),
    });
  }
  await writeFileAtomic(file, `${JSON.stringify(updated, null, 2)}\n`);
}
