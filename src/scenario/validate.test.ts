import { describe, expect, it } from 'vitest';
import { SCENARIO_FORMAT, scenarioSchema, type Scenario } from './schema.js';
import { lookupFrom, validateScenario, type BlockTypeInfo } from './validate.js';

/** Block types as the catalog describes them (plain data, the shape `catalogInfo()` returns). */
const types: BlockTypeInfo[] = [
  { type: 'core.start', title: { en: 'Start', ru: 'Начало' }, ports: ['next'], params: {} },
  {
    type: 'core.log',
    title: { en: 'Log', ru: 'Журнал' },
    ports: ['next'],
    params: { message: { kind: 'text', required: true }, level: { kind: 'choice', default: 'info' } },
  },
  {
    type: 'core.if',
    title: { en: 'If', ru: 'Если' },
    ports: ['true', 'false'],
    params: { condition: { kind: 'expression', required: true } },
  },
  {
    type: 'core.switch',
    title: { en: 'Switch', ru: 'Выбор' },
    ports: ['default'],
    dynamicPorts: { param: 'cases', prefix: 'case:' },
    params: { value: { kind: 'expression', required: true }, cases: { kind: 'list' } },
  },
  {
    type: 'core.assign',
    title: { en: 'Assign', ru: 'Присвоить' },
    ports: ['next'],
    params: { variable: { kind: 'variable', required: true }, value: { kind: 'any' } },
  },
  {
    type: 'core.script',
    title: { en: 'Script', ru: 'Скрипт' },
    ports: ['next'],
    params: { code: { kind: 'code', language: 'javascript', required: true } },
    outputs: { result: { type: 'any' } },
  },
];
const lookup = lookupFrom(types);

function scenario(partial: Partial<Scenario>): Scenario {
  return scenarioSchema.parse({
    format: SCENARIO_FORMAT,
    id: 's',
    name: 'S',
    variables: [{ name: 'count', type: 'number' }],
    blocks: [
      { id: 'start', type: 'core.start' },
      { id: 'log', type: 'core.log', params: { message: 'hi' } },
    ],
    links: [{ from: 'start', to: 'log' }],
    ...partial,
  });
}

const base = scenario({});
const codes = (doc: Scenario) =>
  validateScenario(doc, lookup).map((p) => `${p.severity}:${p.code}:${p.path ?? ''}`);

describe('validateScenario', () => {
  it('finds nothing wrong in a sound scenario', () => {
    expect(validateScenario(base, lookup)).toEqual([]);
  });

  it('reports an unknown block type', () => {
    const doc = scenario({
      blocks: [...base.blocks, { id: 'x', type: 'core.nope', at: [0, 0] }],
      links: [...base.links, { from: 'log', port: 'next', to: 'x' }],
    });
    const [problem] = validateScenario(doc, lookup);
    expect(problem).toMatchObject({
      severity: 'error',
      code: 'block.unknownType',
      blockId: 'x',
      path: 'blocks[2].type',
    });
    expect(problem.message.ru).toContain('неизвестный тип "core.nope"');
  });

  it('reports links from and to missing blocks', () => {
    const doc = scenario({
      links: [
        ...base.links,
        { from: 'ghost', port: 'next', to: 'log' },
        { from: 'log', port: 'next', to: 'void' },
      ],
    });
    expect(codes(doc)).toEqual([
      'error:link.missingSource:links[1].from',
      'error:link.missingTarget:links[2].to',
    ]);
  });

  it('reports a link from a port the block does not have', () => {
    const doc = scenario({ links: [{ from: 'start', port: 'true', to: 'log' }] });
    const problems = validateScenario(doc, lookup);
    expect(problems.map((p) => p.code)).toEqual(['link.unknownPort']);
    expect(problems[0].message.en).toContain('its ports: next, error');
  });

  it('accepts the ports of a switch from its literal cases, and any case for an expression', () => {
    const switchBlock = (cases: unknown) => ({
      id: 'sw',
      type: 'core.switch',
      at: [0, 0] as [number, number],
      params: { value: { expr: 'count' }, cases },
    });
    const links = [
      ...base.links,
      { from: 'log', port: 'next', to: 'sw' },
      { from: 'sw', port: 'case:b', to: 'log' },
    ];
    expect(codes(scenario({ blocks: [...base.blocks, switchBlock(['a', 'b'])], links }))).toEqual([]);
    expect(codes(scenario({ blocks: [...base.blocks, switchBlock(['a'])], links }))).toEqual([
      'error:link.unknownPort:links[2].port',
    ]);
    expect(codes(scenario({ blocks: [...base.blocks, switchBlock({ expr: "['a', 'b']" })], links }))).toEqual([]);
  });

  it('warns about an error-port link on a block that does not handle errors', () => {
    const doc = scenario({ links: [...base.links, { from: 'log', port: 'error', to: 'start' }] });
    expect(codes(doc)).toEqual(['warning:link.errorPortUnused:links[1].port']);
    doc.blocks[1].onError = 'handle';
    expect(codes(doc)).toEqual([]);
  });

  it('reports a missing start and more than one start', () => {
    expect(codes(scenario({ blocks: [base.blocks[1]], links: [] }))).toEqual([
      'error:scenario.noStart:blocks',
    ]);
    const two = scenario({ blocks: [...base.blocks, { id: 'start2', type: 'core.start', at: [0, 0] }] });
    expect(codes(two)).toEqual(['error:scenario.multipleStart:blocks[2]']);
  });

  it('reports duplicate block ids and duplicate variable names', () => {
    const doc = scenario({
      variables: [
        { name: 'count', type: 'number' },
        { name: 'count', type: 'text' },
      ],
      blocks: [...base.blocks, { id: 'log', type: 'core.log', at: [0, 0], params: { message: 'again' } }],
    });
    expect(codes(doc)).toEqual([
      'error:variable.duplicate:variables[1].name',
      'error:block.duplicateId:blocks[2].id',
    ]);
  });

  it('reports expressions that do not parse, also nested and in expression-kind strings', () => {
    const doc = scenario({
      blocks: [
        { id: 'start', type: 'core.start', at: [0, 0] },
        { id: 'if', type: 'core.if', at: [0, 0], params: { condition: 'count >' } },
        {
          id: 'log',
          type: 'core.log',
          at: [0, 0],
          params: { message: { expr: 'count count' }, level: 'info' },
        },
        {
          id: 'set',
          type: 'core.assign',
          at: [0, 0],
          params: { variable: 'count', value: [1, { deep: { expr: '(1' } }] },
        },
      ],
      links: [
        { from: 'start', port: 'next', to: 'if' },
        { from: 'if', port: 'true', to: 'log' },
        { from: 'if', port: 'false', to: 'set' },
      ],
    });
    expect(codes(doc)).toEqual([
      'error:expr.syntax:blocks[1].params.condition',
      'error:expr.syntax:blocks[2].params.message',
      'error:expr.syntax:blocks[3].params.value[1].deep',
    ]);
  });

  it('reports JavaScript code that does not parse, allowing top-level return and await', () => {
    const block = (code: string) => ({
      id: 'js',
      type: 'core.script',
      at: [0, 0] as [number, number],
      params: { code },
    });
    const links = [...base.links, { from: 'log', port: 'next', to: 'js' }];
    expect(
      codes(scenario({ blocks: [...base.blocks, block('await Promise.resolve(1); return 2;')], links })),
    ).toEqual([]);
    expect(codes(scenario({ blocks: [...base.blocks, block('return {;')], links }))).toEqual([
      'error:code.syntax:blocks[2].params.code',
    ]);
  });

  it('reports undeclared variables in outputs, errorVariable and variable params', () => {
    const doc = scenario({
      blocks: [
        ...base.blocks,
        {
          id: 'js',
          type: 'core.script',
          at: [0, 0],
          params: { code: 'return 1' },
          outputs: { result: 'total' },
          onError: 'handle',
          errorVariable: 'oops',
        },
        { id: 'set', type: 'core.assign', at: [0, 0], params: { variable: 'missing', value: 1 } },
      ],
      links: [
        ...base.links,
        { from: 'log', port: 'next', to: 'js' },
        { from: 'js', port: 'next', to: 'set' },
      ],
    });
    expect(codes(doc)).toEqual([
      'error:variable.undeclared:blocks[2].outputs.result',
      'error:variable.undeclared:blocks[2].errorVariable',
      'error:variable.undeclared:blocks[3].params.variable',
    ]);
  });

  it('warns about outputs and params the block type does not have', () => {
    const doc = scenario({
      blocks: [
        base.blocks[0],
        { ...base.blocks[1], params: { message: 'x', colour: 'red' }, outputs: { result: 'count' } },
      ],
    });
    expect(codes(doc)).toEqual([
      'warning:param.unknown:blocks[1].params.colour',
      'warning:output.unknown:blocks[1].outputs.result',
    ]);
  });

  it('reports a required param that is missing or empty, but not one with a default', () => {
    expect(codes(scenario({ blocks: [base.blocks[0], { ...base.blocks[1], params: {} }] }))).toEqual([
      'error:param.required:blocks[1].params.message',
    ]);
    expect(
      codes(scenario({ blocks: [base.blocks[0], { ...base.blocks[1], params: { message: '' } }] })),
    ).toEqual(['error:param.required:blocks[1].params.message']);
  });

  it('warns about blocks no path from the start reaches', () => {
    const doc = scenario({
      blocks: [...base.blocks, { id: 'island', type: 'core.log', at: [0, 0], params: { message: 'alone' } }],
    });
    const problems = validateScenario(doc, lookup);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ severity: 'warning', code: 'block.unreachable', blockId: 'island' });
  });
});

describe('names in expressions', () => {
  it('warns about a name that is neither a variable nor a JavaScript global', () => {
    const doc = scenario({
      variables: [
        { name: 'rows', type: 'list' },
        { name: 'rate', type: 'number' },
      ],
      blocks: [
        base.blocks[0],
        {
          id: 'log',
          type: 'core.log',
          at: [0, 0],
          params: { message: { expr: 'Math.round(rows.map((r) => r.amount * rate).length + totl)' } },
        },
      ],
    });
    const problems = validateScenario(doc, lookup);
    expect(problems.map((p) => `${p.severity}:${p.code}:${p.path}`)).toEqual([
      'warning:expr.unknownName:blocks[1].params.message',
    ]);
    expect(problems[0].message.en).toContain('uses "totl"');
  });
});
