import type { ElementHandle, Frame } from 'playwright-core';
import { matchesIn, type FindBy } from '../activities/web/lib/locate.js';

/** How a selector was made, most robust first. */
export const strategies = ['testId', 'role', 'label', 'placeholder', 'text', 'css'] as const;
export type Strategy = (typeof strategies)[number];

/** A way to find the element: what goes into a web block's "Element" and "Find by". */
export type Proposal = {
  strategy: Strategy;
  selector: string;
  by: FindBy;
  /** How many elements it matches on the live page (1: usable). */
  count: number;
  /** It matches exactly one element, and that element is the one picked. */
  unique: boolean;
};

export type Proposals = {
  /** The first unique proposal in strategy order; null when none is unique (never a guess). */
  best: Proposal | null;
  /** Every candidate tried, with its count, in strategy order. */
  alternatives: Proposal[];
  /** The frame path, when the element is inside an `<iframe>` (part of every selector then). */
  framePath: string | null;
};

export type Facts = {
  tag: string;
  testId: string;
  testIdAttr: string;
  role: string;
  name: string;
  label: string;
  placeholder: string;
  text: string;
  css: string;
};

type Candidate = { strategy: Strategy; selector: string; by: FindBy };

const quote = (text: string) => JSON.stringify(text);

/**
 * Candidates in the main frame use "Find by" where it reads best (label, placeholder, text);
 * inside a frame everything must be one selector string (the frame path comes first), so the
 * same lookups are written in Playwright's selector syntax.
 */
export function candidatesFor(f: Facts, inFrame: boolean): Candidate[] {
  const out: Candidate[] = [];
  if (f.testId) out.push({ strategy: 'testId', by: 'selector', selector: `[${f.testIdAttr}=${quote(f.testId)}]` });
  if (f.role && f.name && f.name.length <= 80) out.push({ strategy: 'role', by: 'selector', selector: `role=${f.role}[name=${quote(f.name)}]` });
  if (f.label) {
    if (inFrame) out.push({ strategy: 'label', by: 'selector', selector: `internal:label=${quote(f.label)}i` });
    else out.push({ strategy: 'label', by: 'label', selector: f.label }, { strategy: 'label', by: 'label', selector: quote(f.label) });
  }
  if (f.placeholder) {
    out.push(inFrame ? { strategy: 'placeholder', by: 'selector', selector: `[placeholder=${quote(f.placeholder)}]` } : { strategy: 'placeholder', by: 'placeholder', selector: f.placeholder });
  }
  if (f.text) out.push(inFrame ? { strategy: 'text', by: 'selector', selector: `text=${quote(f.text)}` } : { strategy: 'text', by: 'text', selector: f.text });
  if (f.css) out.push({ strategy: 'css', by: 'selector', selector: f.css });
  return out;
}

/** The counts the page worked out itself at the moment of a recorded action, per strategy. */
export type PageCounts = Partial<Record<Strategy | 'labelExact', number>>;

/**
 * Proposals from the page's own counts (the recorder: by the time the picker could ask
 * Playwright, a click may have navigated away). Same candidates, same order, same refusal of
 * anything not unique.
 */
export function proposalsFromCounts(facts: Facts, counts: PageCounts, framePath: string | null): Proposals {
  const alternatives = candidatesFor(facts, framePath !== null).map((c) => {
    const count = (c.strategy === 'label' && c.selector.startsWith('"') ? counts.labelExact : counts[c.strategy]) ?? 0;
    return { ...c, selector: framePath ? framePath + c.selector : c.selector, count, unique: count === 1 };
  });
  const shown = alternatives.filter((p, i) => !(p.strategy === 'label' && p.by === 'label' && p.selector.startsWith('"') && alternatives[i - 1]?.unique));
  return { best: shown.find((p) => p.unique) ?? null, alternatives: shown, framePath };
}

/** `iframe#pay >> internal:control=enter-frame >> ` for each frame between the page and the element. */
export async function framePathOf(frame: Frame): Promise<string | null> {
  const parts: string[] = [];
  for (let current: Frame | null = frame; current?.parentFrame(); current = current.parentFrame()) {
    const element = await current.frameElement();
    const css = await element.evaluate((el) => (window as unknown as { __cairnPicker: { css(e: Node): string } }).__cairnPicker.css(el));
    parts.unshift(css);
  }
  return parts.length ? parts.map((p) => `${p} >> internal:control=enter-frame >> `).join('') : null;
}

/**
 * Every candidate selector for the element, each checked by Playwright on the live page — the
 * same lookup the web blocks run (`matchesIn`), so a count here is what a run will see.
 */
export async function proposeSelectors(frame: Frame, element: ElementHandle<Element>): Promise<Proposals> {
  const facts = await element.evaluate((el) => (window as unknown as { __cairnPicker: { facts(e: Element): Facts } }).__cairnPicker.facts(el));
  const framePath = await framePathOf(frame);
  const page = frame.page();
  const alternatives: Proposal[] = [];
  const seen = new Set<string>();
  for (const candidate of candidatesFor(facts, framePath !== null)) {
    const selector = framePath ? framePath + candidate.selector : candidate.selector;
    const key = `${candidate.by}:${selector}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const matches = matchesIn(framePath ? page : frame, selector, candidate.by);
    const count = await matches.count().catch(() => 0);
    const unique = count === 1 && (await matches.first().evaluate((found, picked) => found === picked, element).catch(() => false));
    alternatives.push({ ...candidate, selector, count, unique });
  }
  // A quoted label only earns a place when the plain one is not unique.
  const shown = alternatives.filter((p, i) => !(p.strategy === 'label' && p.selector.startsWith('"') && alternatives[i - 1]?.unique));
  return { best: shown.find((p) => p.unique) ?? null, alternatives: shown, framePath };
}

/** "1 match" / "3 совпадения": the count in words, as the Designer says it. */
export function matchesText(count: number, lang: 'en' | 'ru'): string {
  if (lang === 'en') return `${count} ${count === 1 ? 'match' : 'matches'}`;
  const mod10 = count % 10;
  const mod100 = count % 100;
  const word = mod10 === 1 && mod100 !== 11 ? 'совпадение' : mod10 >= 2 && mod10 <= 4 && (mod100 < 12 || mod100 > 14) ? 'совпадения' : 'совпадений';
  return `${count} ${word}`;
}

/** The tooltip over the hovered element: "label: First Name · 1 match", or why there is none. */
export function describeProposal(p: Proposals, lang: 'en' | 'ru' = 'en'): { text: string; bad: boolean } {
  if (!p.best) {
    const fewest = Math.min(...p.alternatives.map((a) => a.count).filter((c) => c > 1));
    const text = lang === 'ru' ? 'Нет однозначного селектора' : 'No unique selector';
    return { text: Number.isFinite(fewest) ? `${text} (${lang === 'ru' ? 'лучший —' : 'best:'} ${matchesText(fewest, lang)})` : text, bad: true };
  }
  const how = p.best.by === 'selector' ? p.best.selector : `${p.best.by}: ${p.best.selector}`;
  return { text: `${how} · ${matchesText(p.best.count, lang)}`, bad: false };
}
