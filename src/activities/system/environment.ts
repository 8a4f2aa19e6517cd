import { BlockError, defineBlock, param } from '../define.js';

const namePattern = /^[A-Za-z_][A-Za-z0-9_.-]*$/;

function checkName(name: unknown): string {
  if (typeof name !== 'string' || !namePattern.test(name)) {
    throw new BlockError(`"${String(name)}" is not a valid environment variable name (letters, digits and _ only)`, 'BAD_INPUT');
  }
  return name;
}

export const getEnv = defineBlock({
  type: 'system.getEnv',
  category: 'system',
  title: { en: 'Get environment variable', ru: 'Получить переменную окружения' },
  help: {
    en: 'Reads an environment variable of the robot\'s computer (USERNAME, TEMP, PATH…).',
    ru: 'Читает переменную окружения компьютера, на котором работает робот (USERNAME, TEMP, PATH…).',
  },
  params: {
    name: param.text({ title: { en: 'Name', ru: 'Имя' }, required: true, key: true }),
    default: param.text({ title: { en: 'Value when not set', ru: 'Значение, если не задана' }, default: '' }),
  },
  outputs: {
    value: { type: 'text', title: { en: 'Value', ru: 'Значение' } },
    exists: { type: 'boolean', title: { en: 'Is set', ru: 'Задана' } },
  },
  run(_ctx, p) {
    const value = process.env[checkName(p.name)];
    return { outputs: { value: value ?? p.default ?? '', exists: value !== undefined } };
  },
});

export const setEnv = defineBlock({
  type: 'system.setEnv',
  category: 'system',
  title: { en: 'Set environment variable', ru: 'Задать переменную окружения' },
  help: {
    en: 'Sets (or removes) an environment variable for the rest of this run and the programs it starts.',
    ru: 'Задаёт (или удаляет) переменную окружения до конца этого запуска и для программ, которые он запускает.',
  },
  params: {
    name: param.text({ title: { en: 'Name', ru: 'Имя' }, required: true, key: true }),
    value: param.text({ title: { en: 'Value', ru: 'Значение' }, default: '' }),
    remove: param.boolean({ title: { en: 'Remove the variable', ru: 'Удалить переменную' }, default: false }),
  },
  outputs: { previous: { type: 'text', title: { en: 'Previous value', ru: 'Прежнее значение' } } },
  run(_ctx, p) {
    const name = checkName(p.name);
    const previous = process.env[name] ?? '';
    if (p.remove) delete process.env[name];
    else process.env[name] = p.value === null || p.value === undefined ? '' : String(p.value);
    return { outputs: { previous } };
  },
});
