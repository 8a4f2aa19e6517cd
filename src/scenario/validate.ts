import { START_BLOCK_TYPE, type BlockTypeInfo, type BlockTypeLookup } from './blockTypes.js';
import { formatPath, type ScenarioProblem } from './problems.js';
import { ERROR_PORT, type Block, type Scenario } from './schema.js';
import { blockPath, checkParams, msg, undeclared, type Report } from './validateParams.js';

/**
 * Checks a scenario against the block catalog: graph structure, variables, parameters and
 * expressions. Browser-safe and a leaf: the catalog arrives as plain data (`BlockTypeInfo`,
 * which the catalog's `BlockInfo` satisfies), so the Designer, the API and the CLI share it.
 */

export {
  lookupFrom,
  START_BLOCK_TYPE,
  type BlockTypeInfo,
  type BlockTypeLookup,
  type ParamTypeInfo,
} from './blockTypes.js';

function portsOf(block: Block, info: BlockTypeInfo): { fixed: Set<string>; prefix?: string } {
  const fixed = new Set([...info.ports, ERROR_PORT]);
  if (!info.dynamicPorts) return { fixed };
  const listed = block.params?.[info.dynamicPorts.param];
  // A literal list names the ports; an expression decides them at run time, so any case port goes.
  if (Array.isArray(listed)) {
    for (const value of listed) fixed.add(`${info.dynamicPorts.prefix}${String(value)}`);
    return { fixed };
  }
  return { fixed, prefix: info.dynamicPorts.prefix };
}

type BlockEntry = { block: Block; index: number; info?: BlockTypeInfo };

function checkVariables(doc: Scenario, report: Report): Set<string> {
  const declared = new Set<string>();
  doc.variables.forEach((variable, index) => {
    if (declared.has(variable.name)) {
      report({
        code: 'variable.duplicate',
        path: formatPath(['variables', index, 'name']),
        message: msg(
          `Variable "${variable.name}" is declared more than once`,
          `Переменная "${variable.name}" объявлена несколько раз`,
        ),
      });
    }
    declared.add(variable.name);
  });

  return declared;
}

function checkBlocks(
  doc: Scenario,
  lookup: BlockTypeLookup,
  declared: Set<string>,
  report: Report,
): Map<string, BlockEntry> {
  const blocks = new Map<string, BlockEntry>();
  doc.blocks.forEach((block, index) => {
    if (blocks.has(block.id)) {
      report({
        code: 'block.duplicateId',
        blockId: block.id,
        path: blockPath(index, 'id'),
        message: msg(
          `Block id "${block.id}" is used by more than one block`,
          `Идентификатор блока "${block.id}" используется несколькими блоками`,
        ),
      });
      return;
    }
    const info = lookup(block.type);
    blocks.set(block.id, { block, index, info });
    if (!info) {
      report({
        code: 'block.unknownType',
        blockId: block.id,
        path: blockPath(index, 'type'),
        message: msg(
          `Block "${block.id}" has an unknown type "${block.type}"`,
          `Блок "${block.id}" имеет неизвестный тип "${block.type}"`,
        ),
      });
    } else {
      checkParams(block, index, info, declared, report);
    }
    for (const [output, variable] of Object.entries(block.outputs ?? {})) {
      const path = blockPath(index, 'outputs', output);
      if (!declared.has(variable))
        report({
          code: 'variable.undeclared',
          blockId: block.id,
          path,
          message: undeclared(variable, block.id),
        });
      if (info && !(output in (info.outputs ?? {}))) {
        report({
          severity: 'warning',
          code: 'output.unknown',
          blockId: block.id,
          path,
          message: msg(
            `Block "${block.id}" (${info.type}) has no output "${output}"`,
            `У блока "${block.id}" (${info.type}) нет выхода "${output}"`,
          ),
        });
      }
    }
    if (block.errorVariable !== undefined && !declared.has(block.errorVariable)) {
      report({
        code: 'variable.undeclared',
        blockId: block.id,
        path: blockPath(index, 'errorVariable'),
        message: undeclared(block.errorVariable, block.id),
      });
    }
  });

  return blocks;
}

function checkStarts(doc: Scenario, report: Report): Block[] {
  const starts = doc.blocks.filter((b) => b.type === START_BLOCK_TYPE);
  if (starts.length === 0) {
    report({
      code: 'scenario.noStart',
      path: 'blocks',
      message: msg(
        `The scenario has no start block (${START_BLOCK_TYPE})`,
        `В сценарии нет блока начала (${START_BLOCK_TYPE})`,
      ),
    });
  } else if (starts.length > 1) {
    for (const extra of starts.slice(1)) {
      const index = doc.blocks.indexOf(extra);
      report({
        code: 'scenario.multipleStart',
        blockId: extra.id,
        path: blockPath(index),
        message: msg(
          `The scenario has ${starts.length} start blocks; keep exactly one (extra: "${extra.id}")`,
          `Блоков начала в сценарии: ${starts.length}; должен быть ровно один (лишний: "${extra.id}")`,
        ),
      });
    }
  }

  return starts;
}

/** Checks every link; returns the graph (block id → the ids it leads to). */
function checkLinks(doc: Scenario, blocks: Map<string, BlockEntry>, report: Report): Map<string, string[]> {
  const edges = new Map<string, string[]>();
  doc.links.forEach((link, index) => {
    const path = formatPath(['links', index]);
    const from = blocks.get(link.from);
    if (!from)
      report({
        code: 'link.missingSource',
        path: `${path}.from`,
        message: msg(
          `Link #${index + 1} starts at a missing block "${link.from}"`,
          `Связь №${index + 1} начинается у несуществующего блока "${link.from}"`,
        ),
      });
    if (!blocks.has(link.to))
      report({
        code: 'link.missingTarget',
        blockId: link.from,
        path: `${path}.to`,
        message: msg(
          `Link #${index + 1} from "${link.from}" leads to a missing block "${link.to}"`,
          `Связь №${index + 1} от "${link.from}" ведёт к несуществующему блоку "${link.to}"`,
        ),
      });
    if (from?.info) {
      const ports = portsOf(from.block, from.info);
      if (
        !ports.fixed.has(link.port) &&
        !(ports.prefix !== undefined && link.port.startsWith(ports.prefix))
      ) {
        report({
          code: 'link.unknownPort',
          blockId: link.from,
          path: `${path}.port`,
          message: msg(
            `Block "${link.from}" (${from.info.type}) has no port "${link.port}"; its ports: ${[...ports.fixed].join(', ')}`,
            `У блока "${link.from}" (${from.info.type}) нет порта "${link.port}"; его порты: ${[...ports.fixed].join(', ')}`,
          ),
        });
      }
      if (link.port === ERROR_PORT && from.block.onError !== 'handle') {
        report({
          severity: 'warning',
          code: 'link.errorPortUnused',
          blockId: link.from,
          path: `${path}.port`,
          message: msg(
            `Block "${link.from}" has a link on its error port but its error policy is not "handle", so the link is never taken`,
            `У блока "${link.from}" есть связь из порта ошибки, но политика ошибок не "handle" — эта связь никогда не сработает`,
          ),
        });
      }
    }
    const targets = edges.get(link.from);
    if (targets) targets.push(link.to);
    else edges.set(link.from, [link.to]);
  });

  return edges;
}

function checkReachable(
  starts: Block[],
  blocks: Map<string, BlockEntry>,
  edges: Map<string, string[]>,
  report: Report,
): void {
  if (starts.length === 0) return;
  const reached = new Set<string>();
  const queue = starts.map((s) => s.id);
  while (queue.length > 0) {
    const id = queue.pop() as string;
    if (reached.has(id)) continue;
    reached.add(id);
    queue.push(...(edges.get(id) ?? []));
  }
  for (const { block, index, info } of blocks.values()) {
    if (!reached.has(block.id) && info?.annotation !== true) {
      report({
        severity: 'warning',
        code: 'block.unreachable',
        blockId: block.id,
        path: blockPath(index),
        message: msg(
          `Block "${block.id}" can never run: no path leads to it from the start`,
          `Блок "${block.id}" никогда не выполнится: к нему нет пути от начала`,
        ),
      });
    }
  }
}

export function validateScenario(doc: Scenario, lookup: BlockTypeLookup): ScenarioProblem[] {
  const problems: ScenarioProblem[] = [];
  const report: Report = (p) => problems.push({ ...p, severity: p.severity ?? 'error' });
  const declared = checkVariables(doc, report);
  const blocks = checkBlocks(doc, lookup, declared, report);
  const starts = checkStarts(doc, report);
  const edges = checkLinks(doc, blocks, report);
  checkReachable(starts, blocks, edges, report);
  return problems;
}
