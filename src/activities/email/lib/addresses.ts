import { BlockError } from '../../define.js';

/** Recipients as a list or one text with commas or semicolons; empty values dropped. */
export function addressList(value: unknown, name: string): string[] {
  if (value === undefined || value === null || value === '') return [];
  const items = Array.isArray(value) ? value : String(value).split(/[;,]/);
  return items.map((item, i) => {
    if (typeof item !== 'string') throw new BlockError(`Parameter "${name}": item ${i + 1} is not an address`, 'BAD_INPUT');
    const address = item.trim();
    if (address !== '' && !/@/.test(address)) throw new BlockError(`Parameter "${name}": "${address}" is not an e-mail address`, 'BAD_INPUT');
    return address;
  }).filter((a) => a !== '');
}
