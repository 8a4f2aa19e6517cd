import { createRequire } from 'node:module';

/**
 * The heavy libraries of the blocks, loaded on first use. A block's definition (what the palette,
 * validation and the docs read) must load without them: `cairn --help`, validation and a runner
 * whose scenario uses none of them would otherwise pay a second of start-up for Playwright,
 * ExcelJS and the mail stack. This is the only place that imports them (eslint.config.js forbids
 * it elsewhere); blocks call these and Node caches the module after the first call.
 */

export async function loadExcelJS(): Promise<typeof import('exceljs')> {
  return (await import('exceljs')).default;
}

export function loadPlaywright(): Promise<typeof import('playwright-core')> {
  return import('playwright-core');
}

export async function loadNodemailer(): Promise<typeof import('nodemailer').default> {
  return (await import('nodemailer')).default;
}

export async function loadImapFlow(): Promise<typeof import('imapflow').ImapFlow> {
  return (await import('imapflow')).ImapFlow;
}

export async function loadMailParser(): Promise<typeof import('mailparser').simpleParser> {
  return (await import('mailparser')).simpleParser;
}

export async function loadAxios(): Promise<typeof import('axios').default> {
  return (await import('axios')).default;
}

// Smaller, but each still costs start-up time every run would pay (tens of ms together). The
// synchronous ones are for helpers that are synchronous themselves.
const requireHere = createRequire(import.meta.url);

export function loadIconv(): typeof import('iconv-lite') {
  return requireHere('iconv-lite') as typeof import('iconv-lite');
}

export function loadPicomatch(): typeof import('picomatch') {
  return requireHere('picomatch') as typeof import('picomatch');
}

export function loadCsvParse(): typeof import('csv-parse/sync') {
  return requireHere('csv-parse/sync') as typeof import('csv-parse/sync');
}

export function loadCsvStringify(): typeof import('csv-stringify/sync') {
  return requireHere('csv-stringify/sync') as typeof import('csv-stringify/sync');
}

/**
 * Nodemailer's RFC 5322 address-list parser (one small module of it, not the mailer). Typed here:
 * nodemailer 10's package exports give TypeScript no declarations for its lib/ modules.
 */
export type AddressParser = (text: string, options: { flatten: true }) => { name: string; address: string }[];
export function loadAddressParser(): AddressParser {
  return requireHere('nodemailer/lib/addressparser') as AddressParser;
}

export async function loadZipLibraries(): Promise<{ yazl: typeof import('yazl'); yauzl: typeof import('yauzl') }> {
  const [yazl, yauzl] = await Promise.all([import('yazl'), import('yauzl')]);
  return { yazl: yazl.default, yauzl: yauzl.default };
}
