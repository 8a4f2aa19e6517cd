import { z } from 'zod';
import { jsonNestingDepth, JsonSyntaxError, MAX_JSON_CHARS, MAX_JSON_DEPTH, readJson } from './jsonText.js';
import { migrateScenario, OLDEST_SCENARIO_VERSION, scenarioFormatVersion } from './migrate.js';
import { formatPath, lineColumnAt, type ScenarioProblem } from './problems.js';
import { unknownKeyWarnings } from './unknownKeys.js';
import {
  projectSchema,
  SCENARIO_FORMAT_VERSION,
  scenarioSchema,
  type Project,
  type Scenario,
} from './schema.js';

/**
 * JSON text → scenario / project document, with precise problems: syntax errors carry
 * line:column, schema errors the JSON path (and line:column of the offending value), an unknown
 * or newer format is refused, an older one is migrated. Browser-safe.
 */

export type ParseOutcome<T> =
  | {
      ok: true;
      doc: T;
      /** Set when the file was an older format, upgraded in memory. */
      migratedFrom?: number;
      /** Problems that do not stop loading (unknown fields), with positions. */
      warnings?: ScenarioProblem[];
    }
  | { ok: false; problems: ScenarioProblem[] };

function problemAt(
  text: string,
  offset: number | undefined,
  problem: Omit<ScenarioProblem, 'line' | 'column'>,
): ScenarioProblem {
  return offset === undefined ? problem : { ...problem, ...lineColumnAt(text, offset) };
}

/** The start of the closest value that exists on the way to `path` (a missing key → its object). */
function offsetOf(offsets: Map<string, number>, path: readonly PropertyKey[]): number | undefined {
  for (let length = path.length; length >= 0; length--) {
    const found = offsets.get(formatPath(path.slice(0, length)));
    if (found !== undefined) return found;
  }
  return undefined;
}

type Offsets = () => Map<string, number>;

function syntaxProblem(text: string, offset: number | undefined, detail: string): ScenarioProblem {
  return problemAt(text, offset, {
    severity: 'error',
    code: 'json.syntax',
    message: { en: `Invalid JSON: ${detail}`, ru: `Ошибка синтаксиса JSON: ${detail}` },
  });
}

function tooDeepProblem(text: string, error: JsonSyntaxError): ScenarioProblem {
  return problemAt(text, error.offset, {
    severity: 'error',
    code: 'json.tooDeep',
    // The path to the 128th level is unreadable; where it starts is what the user needs.
    ...(error.path ? { path: error.path.length > 80 ? `${error.path.slice(0, 60)}…` : error.path } : {}),
    message: {
      en: `Nested more than ${MAX_JSON_DEPTH} levels deep; a scenario never needs that (a generated or damaged file?)`,
      ru: `Вложенность глубже ${MAX_JSON_DEPTH} уровней; сценарию это не нужно (файл сгенерирован с ошибкой или повреждён?)`,
    },
  });
}

/** A problem when the text is beyond the limits every later (recursive) step can handle. */
function limitProblem(text: string): ScenarioProblem | undefined {
  if (text.length > MAX_JSON_CHARS) {
    const mb = Math.round(MAX_JSON_CHARS / 1024 / 1024);
    return {
      severity: 'error',
      code: 'json.tooLarge',
      message: { en: `The file is larger than ${mb} MB; a scenario never is`, ru: `Файл больше ${mb} МБ; сценарий не бывает таким большим` },
    };
  }
  if (jsonNestingDepth(text) <= MAX_JSON_DEPTH) return undefined;
  try {
    readJson(text);
  } catch (error) {
    if (error instanceof JsonSyntaxError) return error.code === 'json.tooDeep' ? tooDeepProblem(text, error) : syntaxProblem(text, error.offset, error.message);
    throw error;
  }
  return undefined;
}

/**
 * The engine's JSON.parse reads valid files fast; the located reader (10× slower) runs only when
 * positions are needed: to place a syntax error, or once problems have been found.
 */
function readText(text: string): { value: unknown; offsets: Offsets } | ScenarioProblem {
  const beyond = limitProblem(text);
  if (beyond !== undefined) return beyond;
  let located: Map<string, number> | undefined;
  const offsets: Offsets = () => (located ??= readJson(text).offsets);
  try {
    // A UTF-8 byte order mark is what some Windows editors write; it is not content.
    return { value: JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text), offsets };
  } catch (parseError) {
    try {
      readJson(text);
    } catch (error) {
      if (error instanceof JsonSyntaxError) return syntaxProblem(text, error.offset, error.message);
      throw error;
    }
    return syntaxProblem(text, undefined, (parseError as Error).message);
  }
}

/** The schema's output, or its problems in both languages with positions where known. */
function checkSchema<T>(
  text: string,
  schema: z.ZodType<T>,
  value: unknown,
  offsets: Offsets | undefined,
): { ok: true; data: T } | { ok: false; problems: ScenarioProblem[] } {
  const english = schema.safeParse(value);
  if (english.success) return { ok: true, data: english.data };
  // Parsed again with the Russian locale; issues come out in the same order.
  const russian = schema.safeParse(value, { error: z.locales.ru().localeError });
  const ruIssues = russian.success ? [] : russian.error.issues;
  const problems = english.error.issues.map((issue, index) => {
    const path = formatPath(issue.path);
    return problemAt(text, offsets && offsetOf(offsets(), issue.path), {
      severity: 'error',
      code: `schema.${issue.code}`,
      ...(path ? { path } : {}),
      message: { en: issue.message, ru: ruIssues[index]?.message ?? issue.message },
    });
  });
  return { ok: false, problems };
}

export function parseScenario(text: string): ParseOutcome<Scenario> {
  const read = readText(text);
  if (!('value' in read)) return { ok: false, problems: [read] };
  const { value, offsets } = read;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return {
      ok: false,
      problems: [
        problemAt(text, offsets().get(''), {
          severity: 'error',
          code: 'format.notScenario',
          message: {
            en: 'A scenario file must contain a JSON object',
            ru: 'Файл сценария должен содержать JSON-объект',
          },
        }),
      ],
    };
  }
  const raw = value as Record<string, unknown>;
  const version = scenarioFormatVersion(raw.format);
  const formatProblem = (code: string, message: ScenarioProblem['message']): ParseOutcome<Scenario> => ({
    ok: false,
    problems: [
      problemAt(text, offsets().get('format') ?? offsets().get(''), {
        severity: 'error',
        code,
        path: 'format',
        message,
      }),
    ],
  });
  if (version === undefined) {
    return formatProblem('format.unknown', {
      en: `Not a Cairn scenario: "format" must be "cairn.scenario/<version>", got ${JSON.stringify(raw.format) ?? 'nothing'}`,
      ru: `Это не сценарий Cairn: поле "format" должно быть "cairn.scenario/<версия>", а в файле ${JSON.stringify(raw.format) ?? 'его нет'}`,
    });
  }
  if (version > SCENARIO_FORMAT_VERSION) {
    return formatProblem('format.newer', {
      en: `This scenario was saved in format version ${version} by a newer Cairn; this Cairn reads versions up to ${SCENARIO_FORMAT_VERSION}. Update Cairn to open it.`,
      ru: `Сценарий сохранён в формате версии ${version} более новой версией Cairn; эта версия читает форматы до ${SCENARIO_FORMAT_VERSION}. Обновите Cairn, чтобы открыть его.`,
    });
  }
  if (version < OLDEST_SCENARIO_VERSION) {
    return formatProblem('format.tooOld', {
      en: `Scenario format version ${version} is too old to migrate`,
      ru: `Формат сценария версии ${version} слишком старый для миграции`,
    });
  }
  const migrated = version < SCENARIO_FORMAT_VERSION;
  const current = migrated ? migrateScenario(raw, version) : raw;
  // Positions describe the file as written; after a migration paths no longer match it.
  const checked = checkSchema(text, scenarioSchema, current, migrated ? undefined : offsets);
  if (!checked.ok) return checked;
  const doc = checked.data;
  const unknown = unknownKeyWarnings(current);
  const warnings = migrated ? unknown : unknown.map((w) => problemAt(text, offsets().get(w.path ?? ''), w));
  return {
    ok: true,
    doc,
    ...(migrated ? { migratedFrom: version } : {}),
    ...(warnings.length > 0 ? { warnings } : {}),
  };
}

export function parseProject(text: string): ParseOutcome<Project> {
  const read = readText(text);
  if (!('value' in read)) return { ok: false, problems: [read] };
  const checked = checkSchema(text, projectSchema, read.value, read.offsets);
  return checked.ok ? { ok: true, doc: checked.data } : checked;
}

/**
 * Adds line:column to problems found later (by validation) on a document read from `text`, by
 * their JSON path. Only meaningful when the file was not migrated (paths match the text).
 */
export function locateProblems(text: string, problems: readonly ScenarioProblem[]): ScenarioProblem[] {
  let offsets: Map<string, number>;
  try {
    offsets = readJson(text).offsets;
  } catch {
    return [...problems];
  }
  return problems.map((problem) => {
    if (problem.path === undefined || problem.line !== undefined) return problem;
    let path = problem.path;
    let offset = offsets.get(path);
    // A missing key has no position: fall back to the closest enclosing value that exists.
    while (offset === undefined && path !== '') {
      const parent = path.replace(/(?:\.[^.[]+|\[[^\]]*\])$/, '');
      path = parent === path ? '' : parent;
      offset = offsets.get(path);
    }
    return offset === undefined ? problem : { ...problem, ...lineColumnAt(text, offset) };
  });
}
