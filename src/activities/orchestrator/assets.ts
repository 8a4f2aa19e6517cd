import { AssetType } from '../../orchestrator/protocol.js';
import { BlockError, defineBlock, param } from '../define.js';
import { callOrchestrator, requireName } from './lib/host.js';

const nameParam = param.text({ title: { en: 'Asset name', ru: 'Имя ресурса' }, required: true, key: true });

export const getAsset = defineBlock({
  type: 'orchestrator.getAsset',
  category: 'orchestrator',
  title: { en: 'Get global variable', ru: 'Получить глобальную переменную' },
  help: {
    en: 'Reads a Text asset (a value shared by all robots) from the Orchestrator. For logins and passwords use "Get credential".',
    ru: 'Читает текстовый ресурс Оркестратора — значение, общее для всех роботов. Для логинов и паролей используйте «Получить учётные данные».',
  },
  params: { name: nameParam },
  outputs: { value: { type: 'text', title: { en: 'Value', ru: 'Значение' } } },
  async run(ctx, p) {
    const name = requireName(p.name, 'name', 'the asset to read');
    const asset = await callOrchestrator(ctx, 'orchestrator.assetGet', { name }, `Reading Orchestrator asset "${name}"`);
    if (asset.type === AssetType.Credentials) {
      throw new BlockError(`Orchestrator asset "${name}" holds credentials: read it with "Get credential"`, 'WRONG_ASSET_TYPE');
    }
    if (asset.type !== AssetType.Text) throw new BlockError(`Orchestrator asset "${name}" is not a Text asset (type ${asset.type})`, 'WRONG_ASSET_TYPE');
    return { outputs: { value: asset.text ?? '' } };
  },
});

export const setAsset = defineBlock({
  type: 'orchestrator.setAsset',
  category: 'orchestrator',
  title: { en: 'Set global variable', ru: 'Изменить глобальную переменную' },
  help: {
    en: 'Writes a new value into an existing Text asset of the Orchestrator. Lists and dictionaries are stored as JSON.',
    ru: 'Записывает новое значение в существующий текстовый ресурс Оркестратора. Списки и словари сохраняются как JSON.',
  },
  params: {
    name: nameParam,
    value: param.any({ title: { en: 'New value', ru: 'Новое значение' }, required: true }),
  },
  async run(ctx, p) {
    const name = requireName(p.name, 'name', 'the asset to write');
    if (p.value === undefined) throw new BlockError('Parameter "value" is empty', 'BAD_INPUT');
    const text = typeof p.value === 'string' ? p.value : p.value instanceof Date ? p.value.toISOString() : JSON.stringify(p.value);
    await callOrchestrator(ctx, 'orchestrator.assetSet', { name, text }, `Writing Orchestrator asset "${name}"`);
  },
});

export const getCredential = defineBlock({
  type: 'orchestrator.getCredential',
  category: 'orchestrator',
  title: { en: 'Get credential', ru: 'Получить учётные данные' },
  help: {
    en: 'Reads a Credentials asset: the login and the password. The password is secret: it is masked in every log line and never shown in the debugger.',
    ru: 'Читает ресурс с учётными данными: логин и пароль. Пароль секретный: он скрывается во всех строках журнала и не показывается в отладчике.',
  },
  params: { name: nameParam },
  outputs: {
    login: { type: 'text', title: { en: 'Login', ru: 'Логин' } },
    password: { type: 'secret', title: { en: 'Password', ru: 'Пароль' } },
  },
  async run(ctx, p) {
    const name = requireName(p.name, 'name', 'the credential to read');
    const { login, password } = await callOrchestrator(ctx, 'orchestrator.credentialGet', { name }, `Reading Orchestrator credential "${name}"`);
    ctx.secret(password);
    return { outputs: { login, password } };
  },
});
