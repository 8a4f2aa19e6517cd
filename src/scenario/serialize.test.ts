import { describe, expect, it } from 'vitest';
import { parseProject, parseScenario } from './parse.js';
import { SCENARIO_FORMAT, scenarioSchema, type Scenario } from './schema.js';
import { serializeProject, serializeScenario } from './serialize.js';

/** A canonical file: what serializeScenario writes. */
const canonical = `{
  "format": "cairn.scenario/1",
  "id": "6f1c2a",
  "name": "Process invoices",
  "description": "Reads invoices and sums them",
  "variables": [
    { "name": "inbox", "type": "text", "direction": "in", "default": "C:/in" },
    { "name": "rows", "type": "table" },
    { "name": "password", "type": "secret", "sensitive": true }
  ],
  "blocks": [
    { "id": "start", "type": "core.start", "at": [0, 0] },
    {
      "id": "read",
      "type": "excel.readSheet",
      "at": [0, 120],
      "title": "Читаем счета",
      "params": {
        "headers": true,
        "path": { "expr": "inbox + '/invoices.xlsx'" },
        "sheet": "Sheet1"
      },
      "outputs": { "table": "rows" },
      "onError": "handle",
      "errorVariable": "problem",
      "retry": { "times": 2, "delayMs": 500 }
    },
    {
      "id": "script",
      "type": "core.script",
      "at": [0, 240],
      "params": {
        "code": "const total = rows.rows.reduce((sum, row) => sum + row.amount, 0);\\nreturn total;"
      }
    }
  ],
  "links": [
    { "from": "start", "port": "next", "to": "read" },
    { "from": "read", "port": "next", "to": "script" }
  ]
}
`;

function load(text: string): Scenario {
  const outcome = parseScenario(text);
  if (!outcome.ok) throw new Error(JSON.stringify(outcome.problems));
  return outcome.doc;
}

describe('serializeScenario', () => {
  it('round-trips a canonical file byte for byte', () => {
    expect(serializeScenario(load(canonical))).toBe(canonical);
  });

  it('writes schema key order and sorted params whatever order the document has', () => {
    const doc = load(canonical);
    const shuffled = {
      links: doc.links.map((l) => ({ to: l.to, from: l.from, port: l.port })),
      blocks: doc.blocks.map((b) => ({ ...Object.fromEntries(Object.entries(b).reverse()) })),
      name: doc.name,
      variables: doc.variables,
      id: doc.id,
      description: doc.description,
      format: doc.format,
    } as Scenario;
    expect(serializeScenario(shuffled)).toBe(canonical);
  });

  it('writes every default, one entry per line even when empty, and a trailing newline', () => {
    const text = serializeScenario(
      scenarioSchema.parse({ format: SCENARIO_FORMAT, id: 'a', name: 'A', links: [{ from: 'x', to: 'y' }] }),
    );
    expect(text).toBe(
      '{\n  "format": "cairn.scenario/1",\n  "id": "a",\n  "name": "A",\n  "variables": [],\n  "blocks": [],\n' +
        '  "links": [\n    { "from": "x", "port": "next", "to": "y" }\n  ]\n}\n',
    );
  });

  it('keeps the key order inside literal parameter values', () => {
    const doc = load(canonical);
    doc.blocks[0].params = { columns: { zeta: 1, alpha: 2 } };
    expect(serializeScenario(doc)).toContain('"params": { "columns": { "zeta": 1, "alpha": 2 } }');
  });
});

describe('serializeProject', () => {
  it('round-trips and sorts dependencies', () => {
    const outcome = parseProject('{"version":"1.0.0","name":"p","dependencies":{"z":"1","a":"2"}}');
    if (!outcome.ok) throw new Error('project did not parse');
    const text = serializeProject(outcome.doc);
    expect(text).toBe(
      '{\n  "format": "cairn.project/1",\n  "name": "p",\n  "version": "1.0.0",\n  "main": "main.scenario.json",\n' +
        '  "dependencies": { "a": "2", "z": "1" }\n}\n',
    );
    const again = parseProject(text);
    expect(again.ok && serializeProject(again.doc)).toBe(text);
  });
});
