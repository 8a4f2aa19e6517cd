import type { CommandResult } from '../../src/api/contract.js';
import { isExpression } from '../../src/scenario/schema.js';
import type { Block, Link, Scenario } from '../model/types.js';
import { blockIds, setParam } from '../model/edits.js';
import { uniqueBlockId } from '../model/ids.js';

/**
 * Pure edits behind the selector field's Pick / Highlight / Record buttons (SelectorField.tsx):
 * each returns a new document, so a pick or a whole recording is one undo step.
 */

export type Proposal = NonNullable<CommandResult<'picker.pick'>['best']>;
export type RecordedStep = CommandResult<'picker.recordStop'>['steps'][number];

/** The page to pick on: the scenario's start page (the first "Open browser" or "Go to URL" with a literal address). */
export function scenarioUrl(doc: Scenario): string | undefined {
  for (const type of ['web.openBrowser', 'web.goTo']) {
    for (const block of doc.blocks) {
      const url = block.type === type ? block.params?.url : undefined;
      if (typeof url === 'string' && /^(https?|file|data):/i.test(url.trim())) return url.trim();
    }
  }
  return undefined;
}

/** The picked selector into the block: "Element" and "Find by" together. */
export function applyProposal(doc: Scenario, blockId: string, proposal: Pick<Proposal, 'selector' | 'by'>): Scenario {
  const withSelector = setParam(doc, blockId, 'selector', proposal.selector);
  return setParam(withSelector, blockId, 'by', proposal.by === 'selector' ? undefined : proposal.by);
}

/** What Highlight checks: the block's literal selector and its "Find by" (an expression cannot be highlighted). */
export function literalTarget(block: Block | undefined): { selector: string; by: 'selector' | 'label' | 'text' | 'placeholder' } | undefined {
  const selector = block?.params?.selector;
  if (typeof selector !== 'string' || selector.trim() === '' || isExpression(selector)) return undefined;
  const by = block?.params?.by;
  return { selector, by: by === 'label' || by === 'text' || by === 'placeholder' ? by : 'selector' };
}

const ROW = 110;

/**
 * Recorded steps as blocks after `afterId`, in a column below it: linked in order, the last one
 * taking over where `afterId` led. Each typed or chosen value becomes an input variable (its
 * default is what was typed; a password a sensitive one), so the scenario can be run with other
 * data. Returns the new document and the ids of the new blocks.
 */
export function insertRecorded(doc: Scenario, afterId: string, steps: RecordedStep[]): { doc: Scenario; ids: string[] } {
  const after = doc.blocks.find((b) => b.id === afterId);
  if (!after || steps.length === 0) return { doc, ids: [] };
  const used = blockIds(doc);
  const names = new Set(doc.variables.map((v) => v.name));
  const variables = [...doc.variables];
  const blocks: Block[] = [];
  steps.forEach((step, i) => {
    const id = uniqueBlockId(step.type, used);
    used.add(id);
    const params: Record<string, unknown> = { ...step.params };
    if (params.by === 'selector') delete params.by;
    if (step.input) {
      let name = step.input.variable;
      for (let n = 2; names.has(name); n++) name = `${step.input.variable}${n}`;
      names.add(name);
      variables.push({
        name,
        type: Array.isArray(step.input.value) ? 'list' : 'text',
        direction: 'in',
        default: step.input.value,
        ...(step.input.secret ? { sensitive: true } : {}),
      });
      params[step.input.param] = { expr: name };
    }
    blocks.push({ id, type: step.type, at: [after.at[0], after.at[1] + ROW * (i + 1)], params });
  });
  const ids = blocks.map((b) => b.id);
  // Blocks below the insertion point move down to make room.
  const shift = ROW * blocks.length;
  const moved = doc.blocks.map((b) => (b.id !== afterId && b.at[1] > after.at[1] && Math.abs(b.at[0] - after.at[0]) < 200 ? { ...b, at: [b.at[0], b.at[1] + shift] as [number, number] } : b));
  const nextLinks = doc.links.filter((l) => l.from === afterId && l.port === 'next');
  const links: Link[] = [
    ...doc.links.filter((l) => !(l.from === afterId && l.port === 'next')),
    { from: afterId, port: 'next', to: ids[0] },
    ...ids.slice(1).map((to, i) => ({ from: ids[i], port: 'next', to })),
    ...nextLinks.map((l) => ({ ...l, from: ids[ids.length - 1] })),
  ];
  return { doc: { ...doc, variables, blocks: [...moved, ...blocks], links }, ids };
}
