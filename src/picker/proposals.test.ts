import { describe, expect, it } from 'vitest';
import { describeProposal, matchesText, proposalsFromCounts, type Facts } from './proposals.js';

const facts: Facts = { tag: 'input', testId: '', testIdAttr: 'data-testid', role: 'textbox', name: 'Email', label: 'Email', placeholder: '', text: '', css: '#em' };

describe('proposals', () => {
  it('says counts in English and Russian', () => {
    expect([0, 1, 3].map((n) => matchesText(n, 'en'))).toEqual(['0 matches', '1 match', '3 matches']);
    expect([0, 1, 3, 5, 11, 21, 22].map((n) => matchesText(n, 'ru'))).toEqual([
      '0 совпадений', '1 совпадение', '3 совпадения', '5 совпадений', '11 совпадений', '21 совпадение', '22 совпадения',
    ]);
  });

  it('takes the first unique candidate in strategy order and refuses when none is unique', () => {
    const unique = proposalsFromCounts(facts, { role: 2, label: 1, css: 1 }, null);
    expect(unique.best).toMatchObject({ strategy: 'label', by: 'label', selector: 'Email', count: 1 });
    expect(describeProposal(unique, 'ru')).toEqual({ text: 'label: Email · 1 совпадение', bad: false });
    const none = proposalsFromCounts(facts, { role: 3, label: 2, labelExact: 2, css: 4 }, null);
    expect(none.best).toBeNull();
    expect(describeProposal(none, 'en')).toEqual({ text: 'No unique selector (best: 2 matches)', bad: true });
  });

  it('writes every candidate as one selector string inside a frame', () => {
    const framed = proposalsFromCounts(facts, { role: 1 }, '#pay >> internal:control=enter-frame >> ');
    expect(framed.best).toMatchObject({ by: 'selector', selector: '#pay >> internal:control=enter-frame >> role=textbox[name="Email"]' });
    expect(framed.alternatives.every((a) => a.by === 'selector' && a.selector.startsWith('#pay >> '))).toBe(true);
  });
});
