import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHarness, expectBlockError, expectParamError, type Harness } from '../testing/harness.js';
import {
  dataListAppend,
  dataListContains,
  dataListGet,
  dataListLength,
  dataListRemove,
  dataListSlice,
  dataListSort,
  dataListUnique,
} from './lists.js';
import { dataDictGet, dataDictHas, dataDictKeys, dataDictRemove, dataDictSet } from './dictionaries.js';

let h: Harness;
beforeEach(async () => (h = await createHarness()));
afterEach(async () => h.close());

const out = async (block: Parameters<Harness['run']>[0], params: Record<string, unknown>) =>
  ((await h.run(block, params)) as { outputs: Record<string, unknown> }).outputs;

describe('list blocks', () => {
  it('append, remove, get, length and slice without changing the input list', async () => {
    const list = ['a', 'b', 'c'];
    expect(await out(dataListAppend, { list, item: 'd' })).toEqual({ list: ['a', 'b', 'c', 'd'] });
    expect(await out(dataListAppend, { item: 1 })).toEqual({ list: [1] });
    expect(await out(dataListRemove, { list: [1, 'b', 1], item: 1 })).toEqual({ list: ['b'] });
    expect(await out(dataListRemove, { list, by: 'index', index: -1 })).toEqual({ list: ['a', 'b'] });
    expect(await out(dataListGet, { list, index: -1 })).toEqual({ item: 'c' });
    expect(await out(dataListLength, { list })).toEqual({ length: 3 });
    expect(await out(dataListSlice, { list, start: 1 })).toEqual({ list: ['b', 'c'] });
    expect(list).toEqual(['a', 'b', 'c']);
  });

  it('sorts numbers and dates written as text by value, empties last', async () => {
    expect(await out(dataListSort, { list: ['10', '9', '', '100'] })).toEqual({ list: ['9', '10', '100', ''] });
    expect(await out(dataListSort, { list: ['02.01.2024', '31.12.2023'], descending: true })).toEqual({ list: ['02.01.2024', '31.12.2023'] });
    expect(await out(dataListSort, { list: ['Яблоко', 'арбуз', 'Банан'] })).toEqual({ list: ['арбуз', 'Банан', 'Яблоко'] });
    // A date-only ISO day is local, like dd.MM.yyyy (also under TZ=America/New_York).
    expect(await out(dataListSort, { list: ['2024-01-02', '01.01.2024 20:00'] })).toEqual({ list: ['01.01.2024 20:00', '2024-01-02'] });
  });

  it('removes duplicates and finds items by content', async () => {
    const day = () => new Date(2024, 0, 1);
    expect(await out(dataListUnique, { list: [1, '1', 1, { a: 1, b: 2 }, { b: 2, a: 1 }, day(), day()] })).toEqual({
      list: [1, '1', { a: 1, b: 2 }, day()],
    });
    expect(await out(dataListContains, { list: [{ id: 7 }, day()], item: day() })).toEqual({ contains: true, index: 1 });
    expect(await out(dataListContains, { list: ['x'], item: 'y' })).toEqual({ contains: false, index: -1 });
  });

  it('rejects non-lists, positions outside the list and a missing value to look for', async () => {
    await expectBlockError(h.run(dataListLength, { list: 'abc' }), /"list" must be a list, but it is a text/);
    await expectBlockError(h.run(dataListGet, { list: [1, 2], index: 2 }), /Index 2 is outside the list of 2 item/, 'OUT_OF_RANGE');
    await expectBlockError(h.run(dataListRemove, { list: [1], by: 'index', index: 1.5 }), /"index" must be a whole number/);
    await expectBlockError(h.run(dataListAppend, { list: { a: 1 }, item: 1 }), /"list" must be a list, but it is a dictionary/);
    await expectParamError(h.run(dataListSort, { list: null }), 'list', /is required/);
    await expectBlockError(h.run(dataListUnique, { list: 5 }), /must be a list/);
    await expectParamError(h.run(dataListSlice, { list: [1], start: 'x' }), 'start', /expects number, got text/);
    await expectBlockError(h.run(dataListSlice, { list: [1], start: Number.NaN }), /"start" must be a finite number, but it is NaN/);
    await expectBlockError(h.run(dataListRemove, { list: [1], by: 'index' }), /"index" is needed to remove by position/);
    await expectParamError(h.run(dataListContains, { list: [1] }), 'item', /is required/);
  });
});

describe('dictionary blocks', () => {
  const dict = { ИНН: '7701234567', total: 10 };

  it('get, set, remove, keys and has', async () => {
    expect(await out(dataDictGet, { dictionary: dict, key: 'ИНН' })).toEqual({ value: '7701234567' });
    expect(await out(dataDictGet, { dictionary: dict, key: 'missing', fallback: 0 })).toEqual({ value: 0 });
    expect(await out(dataDictSet, { dictionary: dict, key: 'total', value: 11 })).toEqual({ dictionary: { ИНН: '7701234567', total: 11 } });
    expect(await out(dataDictSet, { key: 'a', value: 1 })).toEqual({ dictionary: { a: 1 } });
    expect(await out(dataDictRemove, { dictionary: dict, key: 'total' })).toEqual({ dictionary: { ИНН: '7701234567' } });
    expect(await out(dataDictKeys, { dictionary: dict })).toEqual({ keys: ['ИНН', 'total'], values: ['7701234567', 10] });
    expect(await out(dataDictHas, { dictionary: dict, key: 'total' })).toEqual({ has: true });
    expect(dict.total).toBe(10);
  });

  it('names a missing key and rejects non-dictionaries', async () => {
    await expectBlockError(h.run(dataDictGet, { dictionary: dict, key: 'kpp' }), /Key "kpp" is not in the dictionary \(keys: ИНН, total\)/, 'KEY_NOT_FOUND');
    await expectBlockError(h.run(dataDictSet, { dictionary: [1], key: 'a', value: 1 }), /"dictionary" must be a dictionary, but it is a list/);
    await expectBlockError(h.run(dataDictRemove, { dictionary: 'x', key: 'a' }), /must be a dictionary/);
    await expectBlockError(h.run(dataDictKeys, { dictionary: new Date() }), /must be a dictionary, but it is a date/);
    await expectParamError(h.run(dataDictHas, { dictionary: dict, key: { a: 1 } }), 'key', /expects text, got dictionary/);
  });
});
