import { stat } from 'node:fs/promises';
import { BlockError, defineBlock, param } from '../define.js';
import { describeTarget, locatorFor, onElement, targetParams } from './lib/locate.js';
import { getSession } from './lib/session.js';

export const selectOption = defineBlock({
  type: 'web.selectOption',
  category: 'web',
  title: { en: 'Select option', ru: 'Выбрать в списке' },
  help: {
    en: 'Chooses an option of a drop-down list by its value or visible text. A list of values selects several in a multi-select.',
    ru: 'Выбирает пункт выпадающего списка по значению или видимому тексту. Список значений выбирает несколько пунктов в списке с множественным выбором.',
  },
  params: {
    ...targetParams,
    option: param.any({ title: { en: 'Option', ru: 'Пункт' }, required: true }),
  },
  outputs: { selected: { type: 'list', title: { en: 'Selected values', ru: 'Выбранные значения' } } },
  async run(ctx, p) {
    const wanted = (Array.isArray(p.option) ? p.option : [p.option]).map((o) => (o === null || o === undefined ? '' : String(o)));
    if (wanted.length === 0 || wanted.every((o) => o === '')) throw new BlockError('Parameter "option" is empty', 'BAD_INPUT');
    // One round trip: selectOption waits for the list and for the options (they may load late).
    // Only a failure looks at the list to say what was wrong.
    const selected = await onElement(ctx, p, (locator, timeout) => locator.selectOption(wanted, { timeout })).catch(async (error: unknown) => {
      if (!(error instanceof BlockError) || (error.code !== 'TIMEOUT' && error.code !== 'BROWSER')) throw error;
      const description = describeTarget(p.selector, p.by);
      const available = await locatorFor(getSession(p.browser), p.selector, p.by)
        .evaluate((el) => (el instanceof HTMLSelectElement ? [...el.options].flatMap((o) => [o.value, o.label, o.text.trim()]) : null), undefined, { timeout: 1000 })
        .catch(() => undefined);
      if (available === null) throw new BlockError(`${description} is not a drop-down list (<select>)`, 'BAD_INPUT');
      const missing = available ? wanted.filter((w) => !available.includes(w)) : [];
      if (missing.length > 0) throw new BlockError(`${description} has no option "${missing.join('", "')}"`, 'OPTION_NOT_FOUND');
      throw error;
    });
    return { outputs: { selected } };
  },
});

export const setChecked = defineBlock({
  type: 'web.check',
  category: 'web',
  title: { en: 'Check / uncheck', ru: 'Отметить / снять отметку' },
  help: {
    en: 'Sets a checkbox or radio button to the wanted state (does nothing when it is already so).',
    ru: 'Ставит или снимает флажок (или переключатель); если он уже в нужном состоянии, ничего не делает.',
  },
  params: {
    ...targetParams,
    checked: param.boolean({ title: { en: 'Checked', ru: 'Отмечен' }, default: true }),
  },
  async run(ctx, p) {
    await onElement(ctx, p, (locator, timeout) => locator.setChecked(p.checked, { timeout }));
  },
});

export const uploadFile = defineBlock({
  type: 'web.uploadFile',
  category: 'web',
  title: { en: 'Upload file', ru: 'Загрузить файл на сайт' },
  help: {
    en: 'Puts one or more files into a file field (<input type="file">) without opening the system dialog.',
    ru: 'Вставляет один или несколько файлов в поле выбора файла (<input type="file">), не открывая системный диалог.',
  },
  params: {
    ...targetParams,
    files: param.any({
      title: { en: 'File or list of files', ru: 'Файл или список файлов' },
      help: { en: 'A path, or a list of paths; relative to the project folder.', ru: 'Путь или список путей; относительно папки проекта.' },
      required: true,
    }),
  },
  async run(ctx, p) {
    const list = Array.isArray(p.files) ? p.files : [p.files];
    if (list.length === 0 || list.some((f) => typeof f !== 'string' || f === '')) {
      throw new BlockError('Parameter "files" must be a file path or a list of paths', 'BAD_INPUT');
    }
    const paths = (list as string[]).map((f) => ctx.resolvePath(f));
    for (const path of paths) {
      if (!(await stat(path).catch(() => undefined))?.isFile()) throw new BlockError(`File to upload not found: ${path}`, 'ENOENT');
    }
    await onElement(ctx, p, (locator, timeout) => locator.setInputFiles(paths, { timeout }));
    ctx.log('info', `Uploaded ${paths.length} file(s) into ${describeTarget(p.selector, p.by)}`);
  },
});
