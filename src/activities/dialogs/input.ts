import { BlockError, defineBlock, param } from '../define.js';
import { coerceAnswer, parseFields, type FormField } from './lib/fields.js';
import { showDialog, titleParam } from './lib/host.js';

const example: FormField[] = [
  { name: 'amount', label: 'Amount', type: 'number', required: true },
  { name: 'approved', label: 'Approved', type: 'boolean' },
];

export const inputForm = defineBlock({
  type: 'dialogs.input',
  category: 'dialogs',
  title: { en: 'Input form', ru: 'Форма ввода' },
  help: {
    en: 'Asks the user to fill in several fields (text, number, yes/no, password, date, choice from a list). All answers go into one dictionary; a field with "variable" also writes its value into that variable. Passwords are masked in logs. If the user cancels, continues through the "cancel" port.',
    ru: 'Просит пользователя заполнить несколько полей (текст, число, да/нет, пароль, дата, выбор из списка). Все ответы попадают в один словарь; поле с «variable» дополнительно записывает значение в эту переменную. Пароли скрываются в журнале. Если пользователь отменил ввод, выполнение идёт через выход «cancel».',
  },
  params: {
    title: param.text({ title: titleParam, default: 'Cairn', key: true }),
    message: param.multiline({ title: { en: 'Explanation', ru: 'Пояснение' } }),
    fields: param.json<FormField[]>({
      title: { en: 'Fields', ru: 'Поля' },
      help: {
        en: 'A list of {"name", "label", "type": text|number|boolean|password|date|choice, "choices", "default", "required", "variable"}.',
        ru: 'Список полей {"name", "label", "type": text|number|boolean|password|date|choice, "choices", "default", "required", "variable"}.',
      },
      required: true,
      default: example,
    }),
  },
  ports: ['next', 'cancel'],
  outputs: { values: { type: 'dictionary', title: { en: 'Answers', ru: 'Ответы' } } },
  async run(ctx, p) {
    const fields = parseFields(p.fields);
    for (const field of fields) {
      if (field.variable !== undefined && !ctx.vars.has(field.variable)) {
        throw new BlockError(`Field "${field.name}" writes to variable "${field.variable}", which the scenario does not declare`, 'BAD_INPUT');
      }
    }
    // The UI gets the fields without the variable names: they are the scenario's business.
    const shown = fields.map(({ variable: _variable, ...field }) => field);
    const answers = await showDialog(ctx, 'dialog.input', { title: p.title || 'Cairn', message: p.message || undefined, fields: shown });
    if (answers === null) return { port: 'cancel' };
    if (typeof answers !== 'object') throw new BlockError(`The form answered ${JSON.stringify(answers)} instead of field values`, 'DIALOG_FAILED');
    const values: Record<string, unknown> = {};
    for (const field of fields) {
      const value = coerceAnswer(field, answers[field.name]);
      if (field.type === 'password' && typeof value === 'string') ctx.secret(value);
      values[field.name] = value;
    }
    for (const field of fields) if (field.variable !== undefined) ctx.vars.set(field.variable, values[field.name]);
    return { port: 'next', outputs: { values } };
  },
});
