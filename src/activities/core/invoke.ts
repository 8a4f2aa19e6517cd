import { BlockError, defineBlock, param } from '../define.js';

export const invoke = defineBlock({
  type: 'core.invoke',
  category: 'core',
  title: { en: 'Invoke scenario', ru: 'Вызвать сценарий' },
  help: {
    en: 'Runs another scenario of the project with its own variables. "in": argument name → value (expressions allowed); "out": output argument name → variable that receives it.',
    ru: 'Выполняет другой сценарий проекта с собственными переменными. «in»: имя аргумента → значение (можно выражение); «out»: имя выходного аргумента → переменная, куда его записать.',
  },
  params: {
    scenario: param.filePath({
      title: { en: 'Scenario file', ru: 'Файл сценария' },
      help: { en: 'Path relative to the project folder.', ru: 'Путь относительно папки проекта.' },
      required: true,
      key: true,
      filters: ['scenario.json'],
    }),
    in: param.dictionary({ title: { en: 'Input arguments', ru: 'Входные аргументы' } }),
    out: param.dictionary({ title: { en: 'Output arguments', ru: 'Выходные аргументы' } }),
  },
  async run(ctx, params) {
    if (ctx.invokeScenario === undefined) throw new BlockError('core.invoke needs the Cairn engine to run sub-scenarios');
    const outputs = await ctx.invokeScenario(params.scenario, params.in ?? {});
    for (const [argument, variable] of Object.entries(params.out ?? {})) {
      if (!(argument in outputs)) {
        throw new BlockError(
          `Scenario ${params.scenario} has no output argument "${argument}" / В сценарии нет выходного аргумента «${argument}»`,
          'NO_SUCH_ARGUMENT',
        );
      }
      if (typeof variable !== 'string' || variable === '') throw new BlockError(`Output argument "${argument}" needs a variable name`);
      ctx.vars.set(variable, outputs[argument]);
    }
  },
});
