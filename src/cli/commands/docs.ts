import { mkdir } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { catalogInfo } from '../../activities/catalog.js';
import { writeFileAtomic } from '../../util/atomicWrite.js';
import { blockReference } from '../blockDocs.js';
import type { CliCommand } from '../command.js';
import { parseOptions, UsageError, withUsage } from '../options.js';

const USAGE = 'cairn docs [--out docs/blocks.md] [--lang en|ru]';

export const command: CliCommand = {
  name: 'docs',
  summary: 'Generates the block reference (Markdown) from the block definitions, in English and Russian.',
  usage: USAGE,
  run: (argv) =>
    withUsage('docs', USAGE, async () => {
      const { values } = parseOptions(
        argv,
        { out: { type: 'string' }, lang: { type: 'string' } },
        { min: 0, max: 0 },
      );
      if (values.help) {
        console.log(
          `usage: ${USAGE}\nWithout --out the reference is printed. Without --lang every text is given in both languages.`,
        );
        return 0;
      }
      const lang = values.lang ?? 'both';
      if (lang !== 'en' && lang !== 'ru' && lang !== 'both')
        throw new UsageError(`--lang must be "en" or "ru", got "${lang}"`);
      const blocks = catalogInfo();
      const text = blockReference(blocks, lang);
      if (values.out === undefined) {
        process.stdout.write(text);
        return 0;
      }
      const out = resolve(values.out);
      await mkdir(dirname(out), { recursive: true });
      await writeFileAtomic(out, text);
      console.log(`Wrote the reference of ${blocks.length} blocks to ${out}`);
      return 0;
    }),
};
