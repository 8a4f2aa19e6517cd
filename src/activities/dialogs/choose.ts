import { BlockError, defineBlock, param } from '../define.js';
import { showDialog, titleParam } from './lib/host.js';

const cancelHelp = {
  en: 'Returns the chosen path; if the user cancels, continues through the "cancel" port.',
  ru: 'Возвращает выбранный путь; если пользователь отказался от выбора, выполнение идёт через выход «cancel».',
};

function chosen(path: string | null): { port: string; outputs?: Record<string, unknown> } {
  if (path === null || path === '') return { port: 'cancel' };
  if (typeof path !== 'string') throw new BlockError(`The dialog answered ${JSON.stringify(path)} instead of a path`, 'DIALOG_FAILED');
  return { port: 'next', outputs: { path } };
}

export const chooseFile = defineBlock({
  type: 'dialogs.chooseFile',
  category: 'dialogs',
  title: { en: 'Choose file', ru: 'Выбрать файл' },
  help: {
    en: `Lets the user pick a file to open, or a name to save under. ${cancelHelp.en}`,
    ru: `Даёт пользователю выбрать файл для открытия или имя для сохранения. ${cancelHelp.ru}`,
  },
  params: {
    title: param.text({ title: titleParam, default: 'Choose a file', key: true }),
    save: param.boolean({
      title: { en: 'Save dialog', ru: 'Окно сохранения' },
      help: { en: 'Ask for a file to write instead of an existing one.', ru: 'Спросить имя нового файла вместо выбора существующего.' },
      default: false,
    }),
    filters: param.list<string>({
      title: { en: 'Extensions', ru: 'Расширения' },
      help: { en: 'Without the dot, e.g. xlsx, csv. Empty: any file.', ru: 'Без точки, например xlsx, csv. Пусто — любой файл.' },
      default: [],
    }),
  },
  ports: ['next', 'cancel'],
  outputs: { path: { type: 'text', title: { en: 'Chosen file', ru: 'Выбранный файл' } } },
  async run(ctx, p) {
    const filters = p.filters ?? [];
    if (filters.some((f) => typeof f !== 'string')) {
      throw new BlockError('Parameter "filters" must be a list of extensions such as ["xlsx", "csv"]', 'BAD_INPUT');
    }
    const path = await showDialog(ctx, 'dialog.chooseFile', {
      title: p.title || 'Choose a file',
      save: p.save === true,
      filters: filters.map((f) => f.replace(/^\*?\./, '')),
    });
    return chosen(path);
  },
});

export const chooseFolder = defineBlock({
  type: 'dialogs.chooseFolder',
  category: 'dialogs',
  title: { en: 'Choose folder', ru: 'Выбрать папку' },
  help: { en: `Lets the user pick a folder. ${cancelHelp.en}`, ru: `Даёт пользователю выбрать папку. ${cancelHelp.ru}` },
  params: {
    title: param.text({ title: titleParam, default: 'Choose a folder', key: true }),
  },
  ports: ['next', 'cancel'],
  outputs: { path: { type: 'text', title: { en: 'Chosen folder', ru: 'Выбранная папка' } } },
  async run(ctx, p) {
    return chosen(await showDialog(ctx, 'dialog.chooseFile', { title: p.title || 'Choose a folder', folder: true }));
  },
});
