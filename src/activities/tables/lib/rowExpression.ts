import { BlockError, type BlockVariables } from '../../define.js';

export type RowExpression = (row: Record<string, unknown>, index: number) => unknown;

/**
 * Compiles a JavaScript expression evaluated once per row: `row` is the current row (`row.Сумма`,
 * `row['Дата оплаты']`), `index` its position, and scenario variables are in scope by name. The
 * engine cannot evaluate such an expression up front because `row` only exists per row, so the
 * block compiles it once and calls it per row.
 */
export function compileRowExpression(source: string, vars: BlockVariables): RowExpression {
  let evaluate: (scope: object) => unknown;
  try {
    // Sloppy-mode Function so `with` can resolve variable names through the proxy below; names
    // the proxy does not claim (Math, Date, Number …) fall through to the globals. Compiling user
    // code is the point of this block, as it is of every expression in a scenario.
    // eslint-disable-next-line @typescript-eslint/no-implied-eval
    evaluate = new Function('scope', `with (scope) { return (\n${source}\n); }`) as (scope: object) => unknown;
  } catch (error) {
    throw new BlockError(`Condition "${source}" is not a valid expression: ${(error as Error).message}`, 'BAD_EXPRESSION');
  }
  return (row, index) => {
    const scope = new Proxy(
      {},
      {
        has: (_target, name) => typeof name === 'string' && (name === 'row' || name === 'index' || vars.has(name)),
        get: (_target, name) => (name === 'row' ? row : name === 'index' ? index : typeof name === 'string' ? vars.get(name) : undefined),
      },
    );
    try {
      return evaluate(scope);
    } catch (error) {
      throw new BlockError(`Condition "${source}" failed on row ${index + 1}: ${(error as Error).message}`, 'BAD_EXPRESSION');
    }
  };
}
