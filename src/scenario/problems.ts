/**
 * Problems found while loading or checking a scenario. One shape for parse errors, schema
 * errors and validation findings, so the CLI, the Designer and the API show them alike.
 * Browser-safe.
 */

export type ProblemText = { en: string; ru: string };

export type ProblemSeverity = 'error' | 'warning';

export type ScenarioProblem = {
  severity: ProblemSeverity;
  /** Stable machine-readable code, e.g. `json.syntax`, `link.missingTarget`. */
  code: string;
  blockId?: string;
  /** JSON path inside the document, e.g. `blocks[3].params.x`. */
  path?: string;
  /** 1-based position in the file text, where known. */
  line?: number;
  column?: number;
  message: ProblemText;
};

export function hasErrors(problems: readonly ScenarioProblem[]): boolean {
  return problems.some((p) => p.severity === 'error');
}

/** `parent` extended by one key: `blocks` + 3 → `blocks[3]`, + `params` → `blocks[3].params`. */
export function appendPath(parent: string, key: PropertyKey): string {
  if (typeof key === 'number') return `${parent}[${key}]`;
  if (typeof key === 'string' && /^[A-Za-z_$][\w$]*$/.test(key)) return parent ? `${parent}.${key}` : key;
  return `${parent}[${JSON.stringify(String(key))}]`;
}

/** `blocks[3].params["a b"]` from `['blocks', 3, 'params', 'a b']`. */
export function formatPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>(appendPath, '');
}

/** 1-based line and column of a character offset. */
export function lineColumnAt(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  const end = Math.min(Math.max(offset, 0), text.length);
  for (let i = 0; i < end; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: end - lineStart + 1 };
}

const words = {
  en: { error: 'error', warning: 'warning', at: 'at', inBlock: 'in block' },
  ru: { error: 'ошибка', warning: 'предупреждение', at: 'в', inBlock: 'в блоке' },
};

/** One line per problem: `file:line:col: error code at path: message`. */
export function formatProblem(problem: ScenarioProblem, file?: string, lang: 'en' | 'ru' = 'en'): string {
  const word = words[lang];
  const where = [file, problem.line, problem.line !== undefined ? problem.column : undefined]
    .filter((part) => part !== undefined && part !== '')
    .join(':');
  const at = problem.path
    ? ` ${word.at} ${problem.path}`
    : problem.blockId
      ? ` ${word.inBlock} "${problem.blockId}"`
      : '';
  return `${where ? `${where}: ` : ''}${word[problem.severity]} ${problem.code}${at}: ${problem.message[lang]}`;
}
