import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { serializeScenario } from '../src/scenario/serialize.js';
import type { Scenario } from '../src/scenario/schema.js';
import { designerSession } from './support/session.js';

const session = designerSession({ sample: 'hello' });

describe('the Designer in Russian', () => {
  it('shows run messages, log levels, variable types and directions in Russian', async () => {
    const { page, designer, host } = session;
    // A scenario whose run fails in the engine: a text assigned to a number variable.
    const fails: Scenario = {
      format: 'cairn.scenario/1',
      id: 'fails',
      name: 'Fails',
      variables: [{ name: 'n', type: 'number', default: 1, direction: 'out' }],
      blocks: [
        { id: 'start', type: 'core.start', at: [0, 0] },
        { id: 'bad', type: 'core.assign', at: [0, 120], params: { assignments: [{ variable: 'n', value: 'many' }] } },
      ],
      links: [{ from: 'start', port: 'next', to: 'bad' }],
    };
    await writeFile(join(host.projectDir!, 'fails.scenario.json'), serializeScenario(fails));
    await page.reload();
    await designer.openScenario('Fails');
    await designer.block('bad').waitFor();
    await page.getByRole('combobox', { name: 'Language' }).selectOption('ru');

    await page.keyboard.press('Control+F5');
    const result = page.getByTestId('run-result');
    await result.waitFor({ timeout: 30_000 });
    const text = (await result.textContent()) ?? '';
    expect(text).toContain('Запуск завершился ошибкой');
    expect(text).toContain('Блок "bad" (core.assign) в сценарии «Fails» завершился с ошибкой');
    expect(text).toContain('Переменная «n» имеет тип «число», значение типа «текст» ей присвоить нельзя');
    expect(text).not.toMatch(/failed|cannot be assigned/);

    await page.getByRole('tab', { name: /^Переменные/ }).click();
    const type = page.getByRole('combobox', { name: 'Тип n' });
    expect(await type.locator('option:checked').textContent()).toBe('число');
    const direction = page.getByRole('combobox', { name: 'Направление n' });
    expect(await direction.locator('option:checked').textContent()).toBe('выход');
    await page.getByRole('tab', { name: /^Вывод/ }).click();
    const levels = await page.getByRole('combobox', { name: 'Уровень' }).locator('option').allTextContents();
    expect(levels).toEqual(['отладка', 'инфо', 'предупр.', 'ошибка']);
  }, 60_000);
});
