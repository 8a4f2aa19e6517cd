import { BlockError, defineBlock, param, type BlockVariables } from '../define.js';
import { asDictionary, BAD_INPUT, isDictionary } from '../kit/checks.js';
import { displayText } from '../kit/display.js';

/** `{name}` or `{name.field}`; `{{` and `}}` are literal braces. */
const placeholder = /\{\{|\}\}|\{\s*([\p{L}_$][\p{L}\p{N}_$]*(?:\.[\p{L}\p{N}_$]+)*)\s*\}/gu;

function lookup(path: string, values: Record<string, unknown> | undefined, vars: BlockVariables): unknown {
  const [head, ...rest] = path.split('.') as [string, ...string[]];
  let found: boolean;
  let value: unknown;
  if (values !== undefined) {
    found = Object.hasOwn(values, head);
    value = values[head];
  } else {
    found = vars.has(head);
    value = vars.get(head);
  }
  if (!found) throw new BlockError(`Template placeholder {${path}} has no value: "${head}" is not defined`, 'MISSING_VALUE');
  for (const key of rest) {
    if (!isDictionary(value) || !Object.hasOwn(value, key)) {
      throw new BlockError(`Template placeholder {${path}} has no value: "${key}" is missing`, 'MISSING_VALUE');
    }
    value = value[key];
  }
  return value;
}

export const textTemplate = defineBlock({
  type: 'text.template',
  category: 'text',
  title: { en: 'Fill text template', ru: 'Заполнить шаблон текста' },
  help: {
    en: 'Replaces {name} placeholders in the template with values: from the given dictionary, or from scenario variables when no dictionary is given. {order.number} reads a field. Write {{ and }} for literal braces.',
    ru: 'Подставляет значения вместо меток {имя} в шаблоне: из указанного словаря, а если он не задан — из переменных сценария. {заказ.номер} берёт поле словаря. Чтобы написать фигурную скобку, удвойте её: {{ или }}.',
  },
  params: {
    template: param.multiline({
      title: { en: 'Template', ru: 'Шаблон' },
      required: true,
      key: true,
      placeholder: 'Счёт {number} от {date}',
    }),
    values: param.expression<Record<string, unknown> | undefined>({
      title: { en: 'Values (dictionary)', ru: 'Значения (словарь)' },
      help: { en: 'Leave empty to use scenario variables.', ru: 'Оставьте пустым, чтобы брать переменные сценария.' },
    }),
  },
  outputs: { text: { type: 'text', title: { en: 'Text', ru: 'Текст' } } },
  run(ctx, params) {
    const template = params.template;
    const values = params.values === undefined || params.values === null ? undefined : asDictionary('values', params.values);
    const stray = /[{}][^{}]{0,20}/.exec(template.replace(placeholder, ''));
    if (stray) {
      throw new BlockError(`Template has a brace that is not a placeholder near "${stray[0]}": write {{ or }} for a literal brace`, BAD_INPUT);
    }
    const text = template.replace(placeholder, (whole, path: string | undefined) =>
      path === undefined ? whole.charAt(0) : displayText(lookup(path, values, ctx.vars)),
    );
    return { outputs: { text } };
  },
});
