import { parse, parseExpressionAt } from 'acorn';

/**
 * Syntax checks for the JavaScript users write in parameters, with acorn (browser-safe), so a
 * typo is reported when the scenario is validated, not when the block finally runs.
 */

/** The syntax error of a single expression, or undefined when it parses. */
export function expressionSyntaxError(source: string): string | undefined {
  if (source.trim() === '') return 'the expression is empty';
  try {
    const node = parseExpressionAt(source, 0, { ecmaVersion: 'latest' });
    const rest = source.slice(node.end);
    // parseExpressionAt stops after the first expression: `a b` must not pass as `a`.
    if (rest.trim() !== '' && !/^\s*(?:\/\/[^\n]*|\/\*[\s\S]*?\*\/|\s)*$/.test(rest)) {
      return `unexpected text after the expression: "${rest.trim().slice(0, 30)}"`;
    }
    return undefined;
  } catch (error) {
    return (error as Error).message;
  }
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
