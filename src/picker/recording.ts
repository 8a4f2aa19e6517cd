import type { ElementHandle, Frame } from 'playwright-core';
import type { FindBy } from '../activities/web/lib/locate.js';
import { framePathOf, proposalsFromCounts, proposeSelectors, type Facts, type PageCounts, type Proposals } from './proposals.js';

/** What the page reports of one thing the person did (see pageScript.ts). */
export type RawAction = {
  kind: 'click' | 'fill' | 'check' | 'select' | 'upload' | 'press';
  id: number;
  facts: Facts;
  counts: PageCounts;
  value?: string;
  secret?: boolean;
  checked?: boolean;
  values?: string[];
  files?: string[];
  key?: string;
};

export type RecordedStepType = 'web.goTo' | 'web.click' | 'web.fill' | 'web.check' | 'web.selectOption' | 'web.uploadFile' | 'web.pressKey';

/** One web block to insert. */
export type RecordedStep = {
  type: RecordedStepType;
  params: Record<string, string | boolean>;
  /** What the person typed or chose: it becomes a scenario parameter (an input variable). */
  input?: { param: 'value' | 'option' | 'files'; value: string | string[]; variable: string; secret: boolean };
  /** false: no selector matched this element alone; the closest one is used and should be checked. */
  unique: boolean;
};

/** The element the page reported as `id`, while it is still there. */
type ElementOf = (id: number) => Promise<ElementHandle<Element> | null>;

export type Recording = {
  add(frame: Frame, action: RawAction, element: ElementOf): void;
  navigated(url: string): void;
  finish(): Promise<RecordedStep[]>;
};

/** A navigation this soon after an action was caused by it (a link, a form sent): not a step of its own. */
const CAUSED_WITHIN_MS = 2000;
const LIVE_CHECK_MS = 3000;

/** A JavaScript identifier from a field's label: "First Name" → firstName, "Почта (рабочая)" → почтаРабочая. */
export function variableName(hint: string, taken: Set<string>): string {
  const words = hint.normalize('NFC').split(/[^A-Za-z0-9\u0400-\u04FF]+/).filter(Boolean).slice(0, 4);
  let base = words.map((w, i) => (i === 0 ? w.toLowerCase() : w[0].toUpperCase() + w.slice(1).toLowerCase())).join('') || 'value';
  if (/^[0-9]/.test(base)) base = `_${base}`;
  let name = base;
  for (let n = 2; taken.has(name); n++) name = `${base}${n}`;
  taken.add(name);
  return name;
}

async function proposalsFor(frame: Frame, action: RawAction, element: ElementOf): Promise<Proposals> {
  // Live check by Playwright when the element is still there; the page's own counts otherwise
  // (also when the check takes too long: a page that navigates may leave it waiting).
  try {
    const live = (async () => {
      const handle = await element(action.id);
      return handle ? await proposeSelectors(frame, handle) : null;
    })();
    const timeout = new Promise<null>((done) => setTimeout(() => done(null), LIVE_CHECK_MS).unref());
    const proposals = await Promise.race([live, timeout]);
    // No unique selector live may only mean the page moved on during the check (a click that
    // navigates): then the page's counts from the moment of the action decide.
    if (proposals?.best) return proposals;
  } catch (error) {
    // navigated away meanwhile
    if (process.env.CAIRN_PICKER_DEBUG) console.error('live proposal failed', error);
  }
  return proposalsFromCounts(action.facts, action.counts, await framePathOf(frame).catch(() => null));
}

/** The unique selector, else the closest one (a CSS one first), marked as not unique. */
function target(p: Proposals): { params: { selector: string; by: FindBy }; unique: boolean } {
  const chosen = p.best ?? p.alternatives.find((a) => a.strategy === 'css') ?? p.alternatives[0];
  return { params: { selector: chosen?.selector ?? 'body', by: chosen?.by ?? 'selector' }, unique: !!p.best };
}

/** The web block for an action; what was typed or chosen becomes an input named after the field. */
function toStep(action: RawAction, p: Proposals, taken: Set<string>): RecordedStep | undefined {
  const { params, unique } = target(p);
  const hint = action.facts.label || action.facts.placeholder || action.facts.name || 'value';
  switch (action.kind) {
    case 'click':
      return { type: 'web.click', params, unique };
    case 'press':
      return { type: 'web.pressKey', params: { ...params, key: action.key ?? 'Enter' }, unique };
    case 'check':
      return { type: 'web.check', params: { ...params, checked: action.checked ?? true }, unique };
    case 'fill':
      return { type: 'web.fill', params, unique, input: { param: 'value', value: action.value ?? '', variable: variableName(hint, taken), secret: !!action.secret } };
    case 'select': {
      const values = action.values ?? [];
      return { type: 'web.selectOption', params, unique, input: { param: 'option', value: values.length === 1 ? values[0] : values, variable: variableName(hint, taken), secret: false } };
    }
    case 'upload': {
      const files = action.files ?? [];
      return { type: 'web.uploadFile', params, unique, input: { param: 'files', value: files.length === 1 ? files[0] : files, variable: variableName(hint, taken), secret: false } };
    }
    default:
      return undefined;
  }
}

function push(steps: RecordedStep[], step: RecordedStep): void {
  const last = steps.at(-1);
  // Typing into the same field again replaces what was recorded for it.
  if (step.type === 'web.fill' && last?.type === 'web.fill' && last.params.selector === step.params.selector && last.params.by === step.params.by && last.input) {
    step.input = step.input && { ...step.input, variable: last.input.variable };
    steps[steps.length - 1] = step;
    return;
  }
  steps.push(step);
}

/** Turns reported actions into web blocks, in the order they happened, with checked selectors. */
export function createRecording(): Recording {
  const steps: RecordedStep[] = [];
  const taken = new Set<string>();
  let chain: Promise<void> = Promise.resolve();
  let lastActionAt = 0;

  return {
    add(frame, action, element) {
      lastActionAt = Date.now();
      // Checked at once (before a navigation can take the element away), added in order.
      const proposals = proposalsFor(frame, action, element);
      chain = chain.then(async () => {
        const step = toStep(action, await proposals, taken);
        if (step) push(steps, step);
      });
    },
    navigated(url) {
      if (Date.now() - lastActionAt < CAUSED_WITHIN_MS || !/^(https?|file):/.test(url)) return;
      chain = chain.then(() => void steps.push({ type: 'web.goTo', params: { url }, unique: true }));
    },
    async finish() {
      await chain;
      return steps;
    },
  };
}
