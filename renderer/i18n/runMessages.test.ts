import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { en } from './en.js';
import { ru } from './ru.js';
import { translateRunMessage } from './runMessages.js';

const i18n = i18next.createInstance();
beforeAll(async () => {
  await i18n.init({ lng: 'ru', resources: { en: { translation: en }, ru: { translation: ru } }, interpolation: { escapeValue: false } });
});
const toRu = (message: string) => translateRunMessage(message, i18n.getFixedT('ru'), 'ru');
const toEn = (message: string) => translateRunMessage(message, i18n.getFixedT('en'), 'en');

describe('run messages in Russian', () => {
  // The engine's texts as it writes them (src/engine/interpreter.ts, variables.ts); the Russian
  // e2e (e2e/designer-russian.e2e.ts) checks the same on a real run.
  it('translates the engine’s templates around a block’s own message, which passes through', () => {
    const error = 'Block "bad" (core.assign) in scenario "Test" failed: Variable "n" is number, a text value cannot be assigned to it';
    expect(toRu(error)).toBe('Блок "bad" (core.assign) в сценарии «Test» завершился с ошибкой: Переменная «n» имеет тип «число», значение типа «текст» ей присвоить нельзя');
    const retry = 'Block "shaky" (core.throw) failed (No invoices found); retry 1 of 1';
    expect(toRu(retry)).toBe('Блок "shaky" (core.throw) завершился с ошибкой (No invoices found); повтор 1 из 1');
    const ignored = 'Block "shaky" (core.throw) failed, error ignored: No invoices found';
    expect(toRu(ignored)).toBe('Блок "shaky" (core.throw) завершился с ошибкой, ошибка пропущена: No invoices found');
    expect(toEn(error)).toBe(error);
  });

  it('translates a parameter’s problem, and shows one half of a message the engine writes in both languages', () => {
    expect(toRu('Block "log1" (core.log) in scenario "Main", parameter "message" is required')).toBe(
      'Блок "log1" (core.log) в сценарии «Main», параметр «message»: обязателен',
    );
    expect(toRu('Block "w" (core.delay) in scenario "Main", parameter "ms" expects number, got text')).toBe(
      'Блок "w" (core.delay) в сценарии «Main», параметр «ms»: ожидается число, получено: текст',
    );
    const both = 'Host service "dialog" is not available in this run / Сервис «dialog» недоступен в этом запуске';
    expect(toRu(both)).toBe('Сервис «dialog» недоступен в этом запуске');
    expect(toEn(both)).toBe('Host service "dialog" is not available in this run');
    expect(toRu('Something a block said')).toBe('Something a block said');
  });

  it('translates the host answers a Designer user meets in the status bar', () => {
    expect(toRu('/home/anna/invoices is not a Cairn project (it has no cairn.project.json)')).toBe('/home/anna/invoices — не проект Cairn (в папке нет cairn.project.json)');
    expect(toRu('Scenario file not found: /p/main.scenario.json')).toBe('Файл сценария не найден: /p/main.scenario.json');
    expect(toRu('/p is not empty; a new project needs an empty folder')).toBe('Папка /p не пуста; для нового проекта нужна пустая папка');
    expect(toRu('No API key: save one in Orchestrator settings.')).toBe('Нет ключа API: сохраните его в настройках Оркестратора.');
    expect(toEn('Folder not found: /nowhere')).toBe('Folder not found: /nowhere');
  });
});
