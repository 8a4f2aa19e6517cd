import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHarness, expectBlockError, expectParamError, type Harness } from '../testing/harness.js';
import { dataFormatNumber, dataParseNumber } from './numbers.js';
import { dataAddToDate, dataDateDifference, dataFormatDate, dataNow, dataParseDate } from './dates.js';
import { dataGuid, dataParseJson, dataToJson } from './json.js';

let h: Harness;
beforeEach(async () => (h = await createHarness()));
afterEach(async () => h.close());

const out = async (block: Parameters<Harness['run']>[0], params: Record<string, unknown>) =>
  ((await h.run(block, params)) as { outputs: Record<string, unknown> }).outputs;

describe('numbers', () => {
  it('parses Russian and English formats, with plain or no-break spaces', async () => {
    expect(await out(dataParseNumber, { text: '1 234,56', locale: 'ru-RU' })).toEqual({ number: 1234.56 });
    expect(await out(dataParseNumber, { text: '-1\u00a0234\u00a0567,5', locale: 'ru-RU' })).toEqual({ number: -1234567.5 });
    expect(await out(dataParseNumber, { text: '1,234.56', locale: 'en-US' })).toEqual({ number: 1234.56 });
    expect(await out(dataParseNumber, { text: '1.234,56', locale: 'de-DE' })).toEqual({ number: 1234.56 });
  });

  it('formats with grouping and fixed decimals', async () => {
    const ru = (await out(dataFormatNumber, { number: 1234.5, locale: 'ru-RU', decimals: 2 })).text as string;
    expect(ru.replace(/\s/g, ' ')).toBe('1 234,50');
    expect(await out(dataFormatNumber, { number: 1234.5, locale: 'en-US', decimals: 2 })).toEqual({ text: '1,234.50' });
    expect(await out(dataFormatNumber, { number: 1234.5, locale: 'en-US', grouping: false })).toEqual({ text: '1234.5' });
  });

  it('rejects unparsable numbers, the wrong locale format and unknown locales', async () => {
    await expectBlockError(h.run(dataParseNumber, { text: '12 руб', locale: 'ru-RU' }), /"12 руб" is not a number in the ru-RU format/, 'BAD_NUMBER');
    await expectBlockError(h.run(dataParseNumber, { text: '1,234.56', locale: 'ru-RU' }), /not a number in the ru-RU format/);
    await expectParamError(h.run(dataParseNumber, { text: '1', locale: 'xx-not-a-locale-!!' }), 'locale', /must be one of .*, got "xx-not-a-locale-!!"/);
    await expectParamError(h.run(dataFormatNumber, { number: 'abc' }), 'number', /expects number, got text/);
    await expectBlockError(h.run(dataFormatNumber, { number: 1, decimals: 30 }), /"decimals" must be from 0 to 20/);
  });
});

describe('dates', () => {
  it('parses and formats by pattern in local time', async () => {
    const { date } = await out(dataParseDate, { text: '25.12.2024 14:30', pattern: 'dd.MM.yyyy HH:mm' });
    expect(date).toEqual(new Date(2024, 11, 25, 14, 30));
    expect(await out(dataFormatDate, { date, pattern: "yyyy-MM-dd'T'HH:mm:ss" })).toEqual({ text: '2024-12-25T14:30:00' });
    expect(await out(dataParseDate, { text: '5/3/24', pattern: 'd/M/yy' })).toEqual({ date: new Date(2024, 2, 5) });
    const { date: now } = await out(dataNow, {});
    expect(Math.abs((now as Date).getTime() - Date.now())).toBeLessThan(60_000);
  });

  it('adds units with month-end clamping and measures differences in whole units', async () => {
    expect(await out(dataAddToDate, { date: new Date(2024, 0, 31), amount: 1, unit: 'months' })).toEqual({ date: new Date(2024, 1, 29) });
    expect(await out(dataAddToDate, { date: new Date(2024, 0, 31), amount: -2, unit: 'days' })).toEqual({ date: new Date(2024, 0, 29) });
    expect(await out(dataAddToDate, { date: new Date(2024, 0, 1, 10), amount: 90, unit: 'minutes' })).toEqual({ date: new Date(2024, 0, 1, 11, 30) });
    const from = new Date(2024, 0, 31, 18);
    expect(await out(dataDateDifference, { from, to: new Date(2024, 2, 1, 9), unit: 'days' })).toEqual({ difference: 30 });
    expect(await out(dataDateDifference, { from, to: new Date(2024, 1, 29, 17), unit: 'months' })).toEqual({ difference: 0 });
    expect(await out(dataDateDifference, { from, to: new Date(2024, 1, 29, 18), unit: 'months' })).toEqual({ difference: 1 });
    expect(await out(dataDateDifference, { from: new Date(2020, 5, 15), to: new Date(2024, 5, 14), unit: 'years' })).toEqual({ difference: 3 });
    expect(await out(dataDateDifference, { from: new Date(2024, 5, 14), to: new Date(2020, 5, 15), unit: 'years' })).toEqual({ difference: -3 });
  });

  it('rejects impossible dates, text that does not fit the pattern and non-dates', async () => {
    await expectBlockError(h.run(dataParseDate, { text: '31.02.2024', pattern: 'dd.MM.yyyy' }), /"31.02.2024" is not a date.*no such day/, 'BAD_DATE');
    await expectBlockError(h.run(dataParseDate, { text: '2024-02-01', pattern: 'dd.MM.yyyy' }), /expected "." at position 3/);
    await expectBlockError(h.run(dataParseDate, { text: '01.02.2024 extra', pattern: 'dd.MM.yyyy' }), /unexpected " extra"/);
    await expectBlockError(h.run(dataFormatDate, { date: '2024-01-01' }), /"date" must be a date, but it is a text/);
    await expectParamError(h.run(dataAddToDate, { date: new Date(), amount: 'x', unit: 'days' }), 'amount', /expects number, got text/);
    await expectBlockError(h.run(dataAddToDate, { date: new Date(), amount: Number.POSITIVE_INFINITY }), /"amount" must be a finite number, but it is Infinity/);
    await expectBlockError(h.run(dataDateDifference, { from: 5, to: new Date() }), /"from" must be a date, but it is a number/);
  });
});

describe('JSON and GUID', () => {
  it('round-trips a value through JSON text', async () => {
    const { value } = await out(dataParseJson, { text: '{"счёт":[1,2,{"ok":true}]}' });
    expect(value).toEqual({ счёт: [1, 2, { ok: true }] });
    expect(await out(dataToJson, { value, pretty: false })).toEqual({ text: '{"счёт":[1,2,{"ok":true}]}' });
    expect(await out(dataToJson, { value: { d: new Date(Date.UTC(2024, 0, 2)) } })).toEqual({ text: '{"d":"2024-01-02T00:00:00.000Z"}' });
  });

  it('generates distinct v4 GUIDs', async () => {
    const a = (await out(dataGuid, {})).guid as string;
    const b = (await out(dataGuid, {})).guid as string;
    expect(a).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(a).not.toBe(b);
  });

  it('rejects invalid JSON text and values JSON cannot hold', async () => {
    await expectBlockError(h.run(dataParseJson, { text: '{"a":' }), /Text is not valid JSON/, 'BAD_JSON');
    await expectParamError(h.run(dataParseJson, { text: 42n }), 'text', /expects multiline, got bigint/);
    const loop: Record<string, unknown> = {};
    loop.self = loop;
    await expectBlockError(h.run(dataToJson, { value: loop }), /cannot be written as JSON/);
    await expectParamError(h.run(dataToJson, { value: undefined }), 'value', /is required/);
    await expectBlockError(h.run(dataToJson, { value: () => 1 }), /cannot be written as JSON: it is empty or a function/);
  });
});
