import { describe, expect, it } from 'vitest';
import { locateProblems, parseProject, parseScenario } from './parse.js';
import type { ScenarioProblem } from './problems.js';

function problemsOf(text: string): ScenarioProblem[] {
  const outcome = parseScenario(text);
  if (outcome.ok) throw new Error('expected problems');
  return outcome.problems;
}

const valid = `{
  "format": "cairn.scenario/1",
  "id": "s1",
  "name": "Demo",
  "blocks": [
    { "id": "start", "type": "core.start", "at": [0, 0] },
    { "id": "log", "type": "core.log", "params": { "message": "hi" } }
  ]
}`;

describe('parseScenario', () => {
  it('reads a valid document and fills defaults', () => {
    const outcome = parseScenario(valid);
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    expect(outcome.doc.blocks[1]).toEqual({
      id: 'log',
      type: 'core.log',
      at: [0, 0],
      params: { message: 'hi' },
    });
    expect(outcome.doc.links).toEqual([]);
    expect(outcome.migratedFrom).toBeUndefined();
  });

  it('reports a syntax error with line and column', () => {
    const [problem] = problemsOf('{\n  "format": "cairn.scenario/1",\n  "id": "s1",\n  "name": "x",\n}\n');
    expect(problem).toMatchObject({ code: 'json.syntax', line: 4, column: 14 });
    expect(problem.message.en).toContain('Trailing comma');
    expect(problem.message.ru).toContain('Ошибка синтаксиса JSON');
  });

  it('reports an unterminated string where it breaks', () => {
    const [problem] = problemsOf('{\n  "name": "abc\n}');
    expect(problem).toMatchObject({ code: 'json.syntax', line: 2, column: 15 });
  });

  it('reports schema errors with the JSON path and the position of the value', () => {
    const text = valid.replace('"at": [0, 0]', '"at": [0, "top"]');
    const [problem] = problemsOf(text);
    expect(problem).toMatchObject({
      code: 'schema.invalid_type',
      path: 'blocks[0].at[1]',
      line: 6,
      column: 54,
    });
    expect(problem.message.ru).toMatch(/ожидалось число/);
  });

  it('points a missing required field at its object', () => {
    const [problem] = problemsOf(valid.replace('"id": "log", ', ''));
    expect(problem).toMatchObject({ path: 'blocks[1].id', line: 7, column: 5 });
  });

  it('refuses a newer format in both languages', () => {
    const [problem] = problemsOf(valid.replace('cairn.scenario/1', 'cairn.scenario/2'));
    expect(problem).toMatchObject({ code: 'format.newer', path: 'format', line: 2, column: 13 });
    expect(problem.message.en).toContain('newer Cairn');
    expect(problem.message.ru).toContain('более новой версией Cairn');
  });

  it('refuses a document that is not a scenario', () => {
    expect(problemsOf('{"name": "x"}')[0].code).toBe('format.unknown');
    expect(problemsOf('[1, 2]')[0].code).toBe('format.notScenario');
  });

  it('keeps a "__proto__" key as data', () => {
    const outcome = parseScenario(valid.replace('"message": "hi"', '"__proto__": { "polluted": true }'));
    expect(outcome.ok).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('parseProject', () => {
  it('fills defaults and reports a bad version with its path', () => {
    const ok = parseProject('{ "name": "p", "version": "1.2.3" }');
    expect(ok.ok && ok.doc).toMatchObject({
      format: 'cairn.project/1',
      main: 'main.scenario.json',
      dependencies: {},
    });
    const bad = parseProject('{ "name": "p", "version": "one" }');
    expect(!bad.ok && bad.problems[0]).toMatchObject({ path: 'version', line: 1, column: 27 });
  });
});

describe('locateProblems', () => {
  it('adds line:column to later problems by path, falling back to the enclosing value', () => {
    const located = locateProblems(valid, [
      { severity: 'error', code: 'a', path: 'blocks[1].params.message', message: { en: '', ru: '' } },
      { severity: 'error', code: 'b', path: 'blocks[1].params.missing', message: { en: '', ru: '' } },
      { severity: 'error', code: 'c', path: 'nothing.here', message: { en: '', ru: '' } },
    ]);
    expect(located.map((p) => [p.line, p.column])).toEqual([
      [7, 63],
      [7, 50],
      [1, 1],
    ]);
  });
});

describe('unknown fields', () => {
  it('are reported as warnings with their position, and the document still loads', () => {
    const outcome = parseScenario(
      valid
        .replace('"type": "core.log",', '"type": "core.log", "onerror": "handle",')
        .replace('"name": "Demo",', '"name": "Demo", "author": "me",'),
    );
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    expect(outcome.warnings?.map((w) => [w.code, w.path, w.line, w.column])).toEqual([
      ['schema.unknownKey', 'author', 4, 29],
      ['schema.unknownKey', 'blocks[1].onerror', 7, 51],
    ]);
    expect(outcome.warnings?.[0].message.ru).toContain('Неизвестное поле "author"');
    expect(parseScenario(valid)).not.toHaveProperty('warnings');
  });
});

describe('located reader', () => {
  it('places syntax errors the engine reader would also refuse, after a byte order mark too', () => {
    expect(problemsOf('\ufeff{\n  "a": tru\n}')[0]).toMatchObject({
      code: 'json.syntax',
      line: 2,
      column: 8,
    });
    expect(problemsOf('{"a": 1} x')[0]).toMatchObject({ code: 'json.syntax', line: 1, column: 10 });
    expect(problemsOf('{"a": "\u0001"}')[0]).toMatchObject({ code: 'json.syntax', line: 1, column: 8 });
  });
});
