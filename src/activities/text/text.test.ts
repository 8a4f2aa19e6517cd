import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHarness, expectBlockError, expectParamError, type Harness } from '../testing/harness.js';
import { textTemplate } from './template.js';
import { textRegexExtractAll, textRegexMatch, textRegexReplace } from './regex.js';
import { textJoin, textSplit } from './splitJoin.js';
import { textChangeCase, textPad, textSubstring, textTrim } from './transform.js';

let h: Harness;
beforeEach(async () => (h = await createHarness()));
afterEach(async () => h.close());

describe('text.template', () => {
  it('fills placeholders from variables, dictionary fields and keeps doubled braces literal', async () => {
    h.vars.set('number', 17);
    h.vars.set('client', { name: 'ООО «Ромашка»', due: new Date(2024, 1, 29, 18, 5) });
    const result = await h.run(textTemplate, { template: 'Счёт №{number} для {client.name} до {client.due} {{копия}}' });
    expect(result).toEqual({ outputs: { text: 'Счёт №17 для ООО «Ромашка» до 29.02.2024 18:05:00 {копия}' } });
  });

  it('uses the given dictionary instead of variables', async () => {
    h.vars.set('name', 'variable');
    const result = await h.run(textTemplate, { template: 'Hello, {name}!', values: { name: 'Anna' } });
    expect(result).toEqual({ outputs: { text: 'Hello, Anna!' } });
  });

  it('names a missing placeholder, a stray brace and a non-dictionary', async () => {
    await expectBlockError(h.run(textTemplate, { template: 'Hi {who}' }), /\{who\}.*"who" is not defined/, 'MISSING_VALUE');
    await expectBlockError(h.run(textTemplate, { template: 'Hi {who', values: { who: 1 } }), /brace that is not a placeholder/);
    await expectBlockError(h.run(textTemplate, { template: 'x', values: [1] }), /"values" must be a dictionary, but it is a list/);
  });
});

describe('text regex blocks', () => {
  const text = 'Счёт 12 от 01.02.2024, счёт 15 от 03.04.2024';

  it('finds the first match with groups and named groups', async () => {
    const result = await h.run(textRegexMatch, { text, pattern: '(?<num>\\d+) от (\\S+),', flags: '' });
    expect(result).toEqual({ outputs: { found: true, match: '12 от 01.02.2024,', groups: ['12', '01.02.2024'], named: { num: '12' } } });
    const none = await h.run(textRegexMatch, { text, pattern: 'нет такого' });
    expect(none).toMatchObject({ outputs: { found: false, match: '' } });
  });

  it('replaces every match with group references and honours flags', async () => {
    const result = await h.run(textRegexReplace, { text, pattern: 'счёт (\\d+)', replacement: '№$1', flags: 'gi' });
    expect(result).toEqual({ outputs: { text: '№12 от 01.02.2024, №15 от 03.04.2024' } });
  });

  it('extracts all matches or one group of each', async () => {
    expect(await h.run(textRegexExtractAll, { text, pattern: '\\d{2}\\.\\d{2}\\.\\d{4}' })).toEqual({
      outputs: { matches: ['01.02.2024', '03.04.2024'] },
    });
    expect(await h.run(textRegexExtractAll, { text, pattern: 'чёт (\\d+)', group: 1 })).toEqual({ outputs: { matches: ['12', '15'] } });
  });

  it('rejects a bad pattern, bad flags, a missing group and a non-text input', async () => {
    await expectBlockError(h.run(textRegexMatch, { text, pattern: '(' }), /Pattern "\(" is not a valid regular expression/, 'BAD_REGEX');
    await expectBlockError(h.run(textRegexReplace, { text, pattern: 'a', flags: 'x' }), /flags "x" are not valid/);
    await expectBlockError(h.run(textRegexExtractAll, { text, pattern: '\\d+', group: 2 }), /has no group 2/);
    await expectParamError(h.run(textRegexMatch, { text: { a: 1 }, pattern: 'a' }), 'text', /expects text, got dictionary/);
  });
});

describe('text split / join', () => {
  it('splits lines (CRLF too), trims and drops empty parts; joins back', async () => {
    const split = await h.run(textSplit, { text: ' a \r\n\r\nb\r\nc ', separator: '\\n', removeEmpty: true });
    expect(split).toEqual({ outputs: { parts: ['a', 'b', 'c'] } });
    expect(await h.run(textJoin, { list: ['a', 2, null, true, new Date(2024, 0, 5)], separator: '; ' })).toEqual({ outputs: { text: 'a; 2; ; true; 05.01.2024' } });
  });

  it('rejects a list given where text is expected and text given where a list is expected', async () => {
    await expectParamError(h.run(textSplit, { text: ['a'] }), 'text', /expects multiline, got list/);
    await expectBlockError(h.run(textJoin, { list: 'a,b' }), /"list" must be a list, but it is a text/);
  });
});

describe('text transforms', () => {
  it('trims, changes case (Cyrillic too), pads and cuts', async () => {
    expect(await h.run(textTrim, { text: '  x  ', side: 'start' })).toEqual({ outputs: { text: 'x  ' } });
    expect(await h.run(textChangeCase, { text: 'иВАН пЕТРОВ', to: 'title' })).toEqual({ outputs: { text: 'Иван Петров' } });
    expect(await h.run(textChangeCase, { text: 'счёт', to: 'upper' })).toEqual({ outputs: { text: 'СЧЁТ' } });
    expect(await h.run(textChangeCase, { text: 'ПРИВЕТ, МИР', to: 'sentence' })).toEqual({ outputs: { text: 'Привет, мир' } });
    expect(await h.run(textPad, { text: '42', length: 5, char: '0' })).toEqual({ outputs: { text: '00042' } });
    expect(await h.run(textSubstring, { text: 'Счёт-фактура', start: -7 })).toEqual({ outputs: { text: 'фактура' } });
    expect(await h.run(textSubstring, { text: 'Счёт-фактура', start: 0, length: 4 })).toEqual({ outputs: { text: 'Счёт' } });
  });

  it('rejects wrong types and impossible values', async () => {
    await expectParamError(h.run(textTrim, { text: null }), 'text', /is required/);
    await expectParamError(h.run(textChangeCase, { text: [1] }), 'text', /expects text, got list/);
    await expectParamError(h.run(textPad, { text: '1', length: 'five' }), 'length', /expects number, got text/);
    await expectBlockError(h.run(textPad, { text: '1', length: 2.5 }), /"length" must be a whole number, but it is 2.5/);
    await expectBlockError(h.run(textPad, { text: '1', length: 3, char: '' }), /"char" must not be empty/);
    await expectBlockError(h.run(textSubstring, { text: 'abc', length: -1 }), /"length" must not be negative/);
  });
});
