import type { Frame, Locator, Page } from 'playwright-core';
import { BlockError, param, type BlockContext } from '../../define.js';
import { firstLine, getSession, type WebSession } from './session.js';

export const findByChoices = ['selector', 'label', 'text', 'placeholder'] as const;
export type FindBy = (typeof findByChoices)[number];

/** The browser a block acts on: optional, the last opened browser when empty. */
export const browserParam = {
  browser: param.expression({
    title: { en: 'Browser', ru: 'Браузер' },
    help: {
      en: 'The result of "Open browser". Empty: the browser opened last.',
      ru: 'Результат блока «Открыть браузер». Если пусто — последний открытый браузер.',
    },
    advanced: true,
  }),
};

export const timeoutParam = {
  timeoutMs: param.number({
    title: { en: 'Timeout, ms', ru: 'Тайм-аут, мс' },
    help: { en: 'How long to wait for the element.', ru: 'Сколько ждать появления элемента.' },
    default: 10_000,
    advanced: true,
  }),
};

/** How a block finds its element: a Playwright selector or the element's label / text / placeholder. */
export const targetParams = {
  selector: param.selector({
    title: { en: 'Element', ru: 'Элемент' },
    help: {
      en: 'A selector (css, text=…, role=button[name="OK"], xpath=…) or, with "Find by", the label, text or placeholder.',
      ru: 'Селектор (css, text=…, role=button[name="OK"], xpath=…) или, в зависимости от «Искать по», подпись поля, текст или подсказка.',
    },
    required: true,
    key: true,
  }),
  by: param.choice({
    title: { en: 'Find by', ru: 'Искать по' },
    default: 'selector',
    choices: [
      { value: 'selector', title: { en: 'Selector', ru: 'Селектору' } },
      { value: 'label', title: { en: 'Field label', ru: 'Подписи поля' } },
      { value: 'text', title: { en: 'Visible text', ru: 'Видимому тексту' } },
      { value: 'placeholder', title: { en: 'Placeholder', ru: 'Подсказке в поле' } },
    ],
  }),
  ...timeoutParam,
  ...browserParam,
};

export type TargetValues = { selector: string; by?: string; timeoutMs?: number; browser?: unknown };

export type Found = { session: WebSession; locator: Locator; description: string; timeoutMs: number; startedAt: number };

export function describeTarget(selector: string, by: string | undefined): string {
  return !by || by === 'selector' ? `selector "${selector}"` : `${by} "${selector}"`;
}

/**
 * "Find by: label" — the field a person would name by the text beside it. Playwright's own label
 * lookup covers `<label for>`, a `<label>` wrapping the field, `aria-labelledby` and `aria-label`;
 * the second half adds the layout it misses (the RPA Challenge one): a `<label>` without `for`
 * right before the field, as its previous sibling. Both halves run in one query in the page.
 * Like Playwright, the text matches case-insensitively as a part of the label; in "quotes" it
 * must be the whole label.
 */
function byLabel(scope: Page | Frame, label: string): Locator {
  const quoted = /^"(.*)"$/s.exec(label.trim());
  const text = quoted ? quoted[1] : label;
  const pseudo = quoted ? `:text-is(${JSON.stringify(text)})` : `:text(${JSON.stringify(text)})`;
  const beside = `label:not([for])${pseudo} + :is(input:not([type=hidden]), select, textarea)`;
  return scope.getByLabel(text, { exact: !!quoted }).or(scope.locator(beside));
}

/** Every element the target matches (for counting: the picker and Highlight use this). */
export function allMatches(session: WebSession, selector: unknown, by: string | undefined): Locator {
  return matchesIn(session.scope, selector, by);
}

/** The same lookup in any page or frame (the picker's browser has no run session). */
export function matchesIn(scope: Page | Frame, selector: unknown, by: string | undefined): Locator {
  if (typeof selector !== 'string' || selector.trim() === '') throw new BlockError('Parameter "selector" is empty', 'BAD_INPUT');
  switch (by ?? 'selector') {
    case 'selector':
      return scope.locator(selector);
    case 'label':
      return byLabel(scope, selector);
    case 'text':
      return scope.getByText(selector);
    case 'placeholder':
      return scope.getByPlaceholder(selector);
    default:
      throw new BlockError(`Unknown "Find by" value "${by}": use ${findByChoices.join(', ')}`, 'BAD_INPUT');
  }
}

/** A locator for the target, without waiting (for existence checks): its first match. */
export function locatorFor(session: WebSession, selector: unknown, by: string | undefined): Locator {
  return allMatches(session, selector, by).first();
}

/** Waits until the target is in the page; a target that never appears is SELECTOR_NOT_FOUND. */
export async function findElement(ctx: BlockContext, p: TargetValues, state: 'attached' | 'visible' = 'attached'): Promise<Found> {
  const session = getSession(p.browser);
  const locator = locatorFor(session, p.selector, p.by);
  const timeoutMs = p.timeoutMs ?? 10_000;
  const description = describeTarget(p.selector, p.by);
  const startedAt = Date.now();
  await browserStep(ctx, description, timeoutMs, () => locator.waitFor({ state, timeout: timeoutMs }), 'find');
  return { session, locator, description, timeoutMs, startedAt };
}

export type Target = { session: WebSession; locator: Locator; description: string; timeoutMs: number };

/**
 * Acts on the target in one browser round trip: the Playwright action itself waits for the
 * element to appear and be ready (its auto-wait), so nothing looks the element up twice. Only
 * when that times out does a second, instant query tell the two failures apart: nothing matched
 * (SELECTOR_NOT_FOUND) or the element was there but never ready (TIMEOUT).
 */
export async function onElement<T>(ctx: BlockContext, p: TargetValues, act: (locator: Locator, timeoutMs: number, target: Target) => Promise<T>): Promise<T> {
  const session = getSession(p.browser);
  const locator = locatorFor(session, p.selector, p.by);
  const timeoutMs = p.timeoutMs ?? 10_000;
  const target: Target = { session, locator, description: describeTarget(p.selector, p.by), timeoutMs };
  try {
    return await browserStep(ctx, target.description, timeoutMs, () => act(locator, timeoutMs, target));
  } catch (error) {
    if (error instanceof BlockError && error.code === 'TIMEOUT' && !ctx.signal.aborted) {
      const count = await locator.count().catch(() => 1);
      if (count === 0) throw new BlockError(`${target.description} matched nothing after ${timeoutMs} ms`, 'SELECTOR_NOT_FOUND');
    }
    throw error;
  }
}

/**
 * Runs a Playwright step and turns its failures into errors a user understands: a timeout while
 * finding is SELECTOR_NOT_FOUND, a timeout while acting is TIMEOUT, a malformed selector is
 * BAD_SELECTOR. Stops promptly when the run is stopped.
 */
export async function browserStep<T>(
  ctx: BlockContext,
  description: string,
  timeoutMs: number,
  step: () => Promise<T>,
  phase: 'find' | 'act' = 'act',
): Promise<T> {
  if (ctx.signal.aborted) throw ctx.signal.reason;
  try {
    return await untilAborted(ctx.signal, step());
  } catch (error) {
    if (ctx.signal.aborted) throw ctx.signal.reason ?? error;
    if (error instanceof BlockError) throw error;
    // By name, not instanceof: this module must not load Playwright (see libraries.ts).
    if (error instanceof Error && error.name === 'TimeoutError') {
      throw phase === 'find'
        ? new BlockError(`${description} matched nothing after ${timeoutMs} ms`, 'SELECTOR_NOT_FOUND')
        : new BlockError(`${description}: the element was found but not ready within ${timeoutMs} ms (hidden, disabled or covered)`, 'TIMEOUT');
    }
    // Playwright prefixes its messages with the API call ("page.goto: …"); the user never wrote that.
    const message = firstLine(error).replace(/^[a-zA-Z]+\.[a-zA-Z]+: /, '');
    const network = /net::ERR_([A-Z_]+)/.exec(message);
    if (network) {
      const unreachable = /CONNECTION_REFUSED|NAME_NOT_RESOLVED|ADDRESS_UNREACHABLE|CONNECTION_TIMED_OUT|INTERNET_DISCONNECTED/.test(network[1]);
      throw new BlockError(`${description} failed: ${network[0]}${unreachable ? ' (the site is unreachable)' : ''}`, unreachable ? 'UNREACHABLE' : 'NAVIGATION');
    }
    if (/not a valid selector|Unexpected token|Unknown engine|while parsing/i.test(message)) {
      throw new BlockError(`${description} is not a valid selector: ${message}`, 'BAD_SELECTOR');
    }
    throw new BlockError(`${description}: ${message}`, 'BROWSER');
  }
}

/** Playwright calls cannot be cancelled; this lets the block give up at once (disposal closes the browser). */
export function untilAborted<T>(signal: AbortSignal, work: Promise<T>): Promise<T> {
  // The step keeps running after we give up; its late failure (browser closed) is expected.
  work.catch(() => undefined);
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise<T>((done, fail) => {
    const onAbort = () => fail(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    work.then(done, fail).finally(() => signal.removeEventListener('abort', onAbort));
  });
}
