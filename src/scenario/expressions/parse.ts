import { parse, type Program } from 'acorn';

/**
 * Syntax checks for the JavaScript users write in parameters, with acorn (browser-safe), so a
 * typo is reported when the scenario is validated, not when the block finally runs.
 */

/** A parsed expression (as a one-statement program), or why it does not parse. */
export type ParsedExpression =
  { program: Program; error?: undefined } | { program?: undefined; error: string };

/** Where the user's text starts inside the parsed wrapper `(\n…\n)`: node offsets minus this are the user's. */
export const WRAPPER_OFFSET = 2;

/**
 * Parses one expression exactly as it is compiled (`return (\n<source>\n)`): one parenthesised
 * expression statement and nothing else, so `1); other(` cannot smuggle statements in.
 */
export function parseExpressionSource(source: string): ParsedExpression {
  if (source.trim() === '') return { error: 'the expression is empty' };
  try {
    // Parsed as one parenthesised program statement: `a b` fails, `(a + b)` and `({ a })` pass.
    // (parseExpressionAt's end leaves out a closing parenthesis, so checking the rest misfires.)
    const program = parse(`(\n${source}\n)`, { ecmaVersion: 'latest' });
    if (program.body.length !== 1 || program.body[0].type !== 'ExpressionStatement') return { error: 'only one expression is allowed' };
    return { program };
  } catch (error) {
    const message = (error as Error).message;
    // Positions are reported on the user's own line, not on the wrapper's.
    return {
      error: message.replace(
        /\((\d+):(\d+)\)$/,
        (_m, line: string, col: string) => `(${Number(line) - 1}:${col})`,
      ),
    };
  }
}

/** The syntax error of a single expression, or undefined when it parses. */
export function expressionSyntaxError(source: string): string | undefined {
  return parseExpressionSource(source).error;
}

/** The syntax error of a script body (may `return` and `await` at top level), or undefined. */
export function scriptSyntaxError(source: string): string | undefined {
  try {
    parse(source, {
      ecmaVersion: 'latest',
      allowReturnOutsideFunction: true,
      allowAwaitOutsideFunction: true,
    });
    return undefined;
  } catch (error) {
    return (error as Error).message;
  }
}
