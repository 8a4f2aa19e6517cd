import { loadAddressParser } from '../../libraries.js';
import { BlockError } from '../../define.js';

export type MailAddress = { name: string; address: string };

/**
 * Recipients as a list or one text of RFC 5322 addresses (`a@x.ru, "Ivanov, Ivan" <ivan@x.ru>;
 * Анна <anna@x.ru>`), parsed by nodemailer's address parser, so a comma inside a quoted name is
 * part of the name; commas and semicolons both separate, empty entries are dropped, groups
 * (`team: a@x, b@x;`) give their members.
 */
export function addressList(value: unknown, name: string): MailAddress[] {
  if (value === undefined || value === null || value === '') return [];
  const items: unknown[] = Array.isArray(value) ? value : [String(value)];
  return items.flatMap((item, i) => {
    if (typeof item !== 'string') throw new BlockError(`Parameter "${name}": item ${i + 1} is not an address`, 'BAD_INPUT');
    return parseAddresses(item, name);
  });
}

/** The one sender address of `from`. */
export function singleAddress(value: unknown, name: string): MailAddress {
  const found = typeof value === 'string' ? parseAddresses(value, name) : [];
  if (found.length !== 1) throw new BlockError(`Parameter "${name}" ${JSON.stringify(value ?? '')} is not an e-mail address`, 'BAD_INPUT');
  return found[0];
}

function parseAddresses(text: string, name: string): MailAddress[] {
  const parse = loadAddressParser();
  return parse(text, { flatten: true }).map((entry) => {
    // Text without an @ comes back as a name with no address: say which text it was.
    if (!entry.address.includes('@')) {
      throw new BlockError(`Parameter "${name}": "${(entry.address || entry.name).trim()}" is not an e-mail address`, 'BAD_INPUT');
    }
    return { name: entry.name, address: entry.address };
  });
}
