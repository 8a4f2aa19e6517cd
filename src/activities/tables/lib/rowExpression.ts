import { compileExpression, type CompiledExpression } from '../../../scenario/expressions/compile.js';
import { BlockError, type BlockVariables } from '../../define.js';

export type RowExpression = (row: Record<string, unknown>, index: number) => unknown;

/**
 * Compiles a JavaScript expression evaluated once per row: `row` is the current row (`row.Сумма`,
 * `row['Дата оплаты']`), `index` its position, and scenario variables are in scope by name. The
 * engine cannot evaluate such an expression up front because `row` only exists per row, so the
 * block compiles it once — with the same compiler as every other expression — and calls it per row.
 */
export function compileRowExpression(source: string, vars: BlockVariables): RowExpression {
  let evaluate: CompiledExpression;
  try {
    evaluate = compileExpression(source, (name) => name === 'row' || name === 'index' || vars.has(name));
  } catch (error) {
    throw new BlockError(`Condition "${source}" is not a valid expression: ${(error as Error).message}`, 'BAD_EXPRESSION');
  }
  return (row, index) => {
    const scope: Record<string, unknown> = {};
    for (const name of evaluate.names) scope[name] = name === 'row' ? row : name === 'index' ? index : vars.get(name);
    try {
      return evaluate(scope);
    } catch (error) {
      throw new BlockError(`Condition "${source}" failed on row ${index + 1}: ${(error as Error).message}`, 'BAD_EXPRESSION');
    }
  };
}
