import { describe, expect, it } from 'vitest';
import { designerSession } from './support/session.js';

const session = designerSession({ sample: 'hello' });

describe('language', () => {
  it('switching to Russian changes the UI and the block titles, and is remembered', async () => {
    const { page, designer } = session;
    await designer.block('greet').waitFor();
    expect(await designer.block('greet').innerText()).toContain('Log message');

    await page.getByRole('combobox', { name: 'Language' }).selectOption('ru');
    await page.getByRole('button', { name: 'Запустить' }).waitFor();
    await page.getByRole('region', { name: 'Блоки' }).getByRole('button', { name: 'Добавить «Присвоить»' }).waitFor();
    expect(await designer.block('greet').innerText()).toContain('Записать в журнал');
    await page.getByRole('tab', { name: 'Проблемы' }).waitFor();

    await page.reload();
    await page.getByRole('button', { name: 'Запустить' }).waitFor();
    expect(await page.getByRole('combobox', { name: 'Язык' }).inputValue()).toBe('ru');
  }, 120_000);
});
