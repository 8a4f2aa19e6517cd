import type { ParamSpecs } from '../../activities/define.js';
import { blockLabel, checkParam, paramWhere } from '../params.js';

/**
 * The engine's parameter check for a block whose handler a test calls directly (the block
 * harness): each declared parameter goes through `checkParam` — default, required, the kind's type
 * and choices — with the message the engine would give, exactly as a run checks the values that
 * `compileParam`'s evaluators produce. Undeclared values are dropped, as the engine never passes them.
 */
export function checkBlockParams(
  specs: ParamSpecs,
  values: Record<string, unknown>,
  block: { id: string; type: string; scenario: string },
): Record<string, unknown> {
  const label = blockLabel(block.id, block.type);
  const checked: Record<string, unknown> = {};
  for (const [name, spec] of Object.entries(specs)) {
    checked[name] = checkParam(spec, values[name], paramWhere(label, block.scenario, name));
  }
  return checked;
}
