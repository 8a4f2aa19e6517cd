import type { BlockTypeInfo, ParamTypeInfo } from './blockTypes.js';
import { parseExpressionSource, scriptSyntaxError } from './expressions/parse.js';
import { freeNamesOf, JS_GLOBALS } from './expressions/names.js';
import { formatPath, type ProblemText, type ScenarioProblem } from './problems.js';
import { isExpression, type Block } from './schema.js';

/** Checks of one block's parameters: required values, expression and code syntax, variable names. */

export type Report = (
  problem: Omit<ScenarioProblem, 'severity'> & { severity?: ScenarioProblem['severity'] },
) => void;

export const blockPath = (index: number, ...rest: PropertyKey[]) => formatPath(['blocks', index, ...rest]);
const textKinds = new Set([
  'text',
  'multiline',
  'filePath',
  'folderPath',
  'selector',
  'secret',
  'code',
  'choice',
  'variable',
]);

function isMissing(spec: ParamTypeInfo, value: unknown): boolean {
  const given = value === undefined || value === null ? spec.default : value;
  return given === undefined || given === null || (given === '' && textKinds.has(spec.kind));
}

/** Files are refused deeper than this when read (jsonText.ts); documents built in code stop here too. */
const MAX_PARAM_DEPTH = 128;

/** Every `{ "expr" }` inside a parameter value (lists and dictionaries may nest them). */
function* expressionsIn(
  value: unknown,
  path: PropertyKey[],
): Generator<{ expr: string; path: PropertyKey[] }> {
  if (path.length > MAX_PARAM_DEPTH) return;
  if (isExpression(value)) yield { expr: value.expr, path };
  else if (Array.isArray(value))
    for (const [i, item] of value.entries()) yield* expressionsIn(item, [...path, i]);
  else if (typeof value === 'object' && value !== null) {
    for (const [key, item] of Object.entries(value)) yield* expressionsIn(item, [...path, key]);
  }
}

/** The block whose parameters are checked, and where its problems go. */
type BlockCheck = { block: Block; index: number; declared: Set<string>; report: Report };

/** Each expression in a parameter parses, and names only variables of the scenario or JS globals. */
function checkExpressions(check: BlockCheck, name: string, spec: ParamTypeInfo, value: unknown): void {
  const { block, index, declared, report } = check;
  const expressions =
    spec.kind === 'expression' && typeof value === 'string' && value.trim() !== ''
      ? [{ expr: value, path: ['blocks', index, 'params', name] as PropertyKey[] }]
      : [...expressionsIn(value, ['blocks', index, 'params', name])];
  for (const found of expressions) {
    const { program, error } = parseExpressionSource(found.expr);
    if (!program) {
      report({
        code: 'expr.syntax',
        blockId: block.id,
        path: formatPath(found.path),
        message: msg(
          `Expression \`${found.expr}\` in block "${block.id}" does not parse: ${error}`,
          `Выражение \`${found.expr}\` в блоке "${block.id}" содержит синтаксическую ошибку: ${error}`,
        ),
      });
      continue;
    }
    for (const free of freeNamesOf(program)) {
      if (declared.has(free) || JS_GLOBALS.has(free)) continue;
      report({
        severity: 'warning',
        code: 'expr.unknownName',
        blockId: block.id,
        path: formatPath(found.path),
        message: msg(
          `Expression \`${found.expr}\` in block "${block.id}" uses "${free}", which is neither a variable of the scenario nor a JavaScript global`,
          `Выражение \`${found.expr}\` в блоке "${block.id}" использует "${free}" — это не переменная сценария и не глобальный объект JavaScript`,
        ),
      });
    }
  }
}

/** One declared parameter: given when required, its expressions, code and variable name sound. */
function checkParam(check: BlockCheck, info: BlockTypeInfo, name: string, spec: ParamTypeInfo, value: unknown): void {
  const { block, index, declared, report } = check;
  const path = blockPath(index, 'params', name);
  if (spec.required && isMissing(spec, value)) {
    report({
      code: 'param.required',
      blockId: block.id,
      path,
      message: msg(
        `Required parameter "${name}" of block "${block.id}" (${info.title.en}) is empty`,
        `Не заполнен обязательный параметр "${name}" блока "${block.id}" (${info.title.ru})`,
      ),
    });
  }
  checkExpressions(check, name, spec, value);
  if (spec.kind === 'code' && spec.language === 'javascript' && typeof value === 'string') {
    const error = scriptSyntaxError(value);
    if (error) {
      report({
        code: 'code.syntax',
        blockId: block.id,
        path,
        message: msg(
          `JavaScript code of block "${block.id}" does not parse: ${error}`,
          `JavaScript-код блока "${block.id}" содержит синтаксическую ошибку: ${error}`,
        ),
      });
    }
  }
  if (spec.kind === 'variable' && typeof value === 'string' && value !== '' && !declared.has(value)) {
    report({ code: 'variable.undeclared', blockId: block.id, path, message: undeclared(value, block.id) });
  }
}

export function checkParams(
  block: Block,
  index: number,
  info: BlockTypeInfo,
  declared: Set<string>,
  report: Report,
): void {
  const params = block.params ?? {};
  const check: BlockCheck = { block, index, declared, report };
  for (const [name, spec] of Object.entries(info.params)) checkParam(check, info, name, spec, params[name]);
  for (const name of Object.keys(params)) {
    if (!(name in info.params)) {
      report({
        severity: 'warning',
        code: 'param.unknown',
        blockId: block.id,
        path: blockPath(index, 'params', name),
        message: msg(
          `Block "${block.id}" (${info.type}) has no parameter "${name}"; it is ignored`,
          `У блока "${block.id}" (${info.type}) нет параметра "${name}"; он не используется`,
        ),
      });
    }
  }
}

export const msg = (en: string, ru: string): ProblemText => ({ en, ru });
export const undeclared = (name: string, blockId: string) =>
  msg(
    `Variable "${name}" used by block "${blockId}" is not declared in the scenario`,
    `Переменная "${name}", которую использует блок "${blockId}", не объявлена в сценарии`,
  );
