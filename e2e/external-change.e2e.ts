import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, it } from 'vitest';
import { designerSession } from './support/session.js';

const session = designerSession({ sample: 'hello' });

describe('a scenario changed on disk', () => {
  it('reloads a clean tab, and asks first when the tab has unsaved edits', async () => {
    const { page, designer, host } = session;
    const file = join(host.projectDir!, 'main.scenario.json');
    await designer.block('hello').getByText('Hello, Cairn!').waitFor();

    // Clean tab: the change simply shows up.
    const text = await readFile(file, 'utf8');
    await writeFile(file, text.replace('"message": "Hello, Cairn!"', '"message": "Hello from git pull"'));
    await designer.block('hello').getByText('Hello from git pull').waitFor();

    // Unsaved edits: the Designer asks; "Reload" takes the disk version.
    await designer.select('end');
    await page.keyboard.press('Delete');
    await designer.block('end').waitFor({ state: 'detached' });
    await writeFile(file, text.replace('"message": "Hello, Cairn!"', '"message": "Changed again"'));
    const question = page.getByRole('dialog', { name: 'File changed on disk' });
    await question.getByRole('button', { name: 'Reload' }).click();
    await designer.block('hello').getByText('Changed again').waitFor();
    await designer.block('end').waitFor();
  }, 120_000);
});
