/**
 * The engine's run messages (failures, retries, runner crashes, argument and type errors) in the
 * user's language. The engine speaks English (logs, the CLI, Orchestrator log lines stay
 * comparable); the Designer translates its fixed templates here, the user's own texts and a
 * block's inner message pass through. A message the engine writes in both languages
 * ("English / Русский") shows only the user's half.
 */
type T = (key: string, options?: Record<string, unknown>) => string;

const CYRILLIC = /[А-Яа-яЁё]/;
const TYPES = new Set(['text', 'number', 'boolean', 'datetime', 'list', 'dictionary', 'table', 'secret', 'any', 'null', 'undefined', 'string', 'object', 'function', 'bigint', 'symbol']);

/** A value type word from the engine, translated when known. */
function typeWord(word: string, t: T): string {
  return TYPES.has(word) ? t(`varTypes.${word}`, { defaultValue: word }) : word;
}

type Rule = { re: RegExp; to(m: RegExpMatchArray, t: T, again: (s: string) => string): string };

/** `Block "id" (type) in scenario "Name", parameter "p"`: where a parameter's problem is. */
const WHERE = /^Block (.+?) in scenario "(.*?)", parameter "(.*?)"(.*)$/s;

/** What can follow a parameter's place. */
const paramRules: Rule[] = [
  { re: /^ is required$/, to: (_m, t) => t('runMsg.required') },
  { re: /^ expects (\w+), got (\w+)$/, to: (m, t) => t('runMsg.expects', { expected: typeWord(m[1], t), got: typeWord(m[2], t) }) },
  { re: /^ must be one of (.*), got "(.*)"$/s, to: (m, t) => t('runMsg.oneOf', { choices: m[1], got: m[2] }) },
  { re: /^: invalid expression `(.*)`: (.*)$/s, to: (m, t) => t('runMsg.badExpression', { expr: m[1], message: m[2] }) },
  { re: /^: expression `(.*)` failed: (.*)$/s, to: (m, t, again) => t('runMsg.expressionFailed', { expr: m[1], message: again(m[2]) }) },
];

const rules: Rule[] = [
  { re: /^Block (.+?) in scenario "(.*?)" failed: (.*)$/s, to: (m, t, again) => t('runMsg.blockFailed', { block: m[1], scenario: m[2], message: again(m[3]) }) },
  { re: /^Block (.+?) failed \((.*)\); retry (\d+) of (\d+)$/s, to: (m, t, again) => t('runMsg.retry', { block: m[1], message: again(m[2]), attempt: m[3], times: m[4] }) },
  { re: /^Block (.+?) failed, error ignored: (.*)$/s, to: (m, t, again) => t('runMsg.ignored', { block: m[1], message: again(m[2]) }) },
  { re: /^The runner crashed: (.*)$/s, to: (m, t) => t('runMsg.crashed', { message: m[1] }) },
  { re: /^The scenario ended the engine \(exit code (.+?)\) before the run finished$/, to: (m, t) => t('runMsg.engineEnded', { code: m[1] }) },
  { re: /^The runner process exited unexpectedly \((.+?)\) before the run finished$/, to: (m, t) => t('runMsg.runnerExited', { how: m[1] }) },
  {
    re: /^Scenario "(.*?)" has no input argument "(.*?)" \(declare a variable with direction in\/inout\)$/,
    to: (m, t) => t('runMsg.noInput', { scenario: m[1], name: m[2] }),
  },
  {
    re: /^Variable "(.*?)" is (\w+), a (\w+) value cannot be assigned to it$/,
    to: (m, t) => t('runMsg.wrongType', { name: m[1], type: typeWord(m[2], t), got: typeWord(m[3], t) }),
  },
  { re: /^Scenarios invoke each other more than (\d+) levels deep \(endless recursion\?\)$/, to: (m, t) => t('runMsg.tooDeep', { depth: m[1] }) },
  { re: /^Could not release a resource: (.*)$/s, to: (m, t) => t('runMsg.release', { message: m[1] }) },
  { re: /^Cannot set variable "(.*?)": (.*)$/s, to: (m, t, again) => t('runMsg.cannotSet', { name: m[1], message: again(m[2]) }) },
  { re: /^No scenario at (.*)$/s, to: (m, t) => t('runMsg.noScenario', { path: m[1] }) },
  { re: /^the run is not paused$/, to: (_m, t) => t('runMsg.notPaused') },
  // The host's answers a Designer user meets in the status bar (src/api/handlers: projects, files, folders).
  { re: /^(.*) is not a Cairn project \(it has no cairn\.project\.json\)$/s, to: (m, t) => t('hostMsg.notProject', { path: m[1] }) },
  { re: /^(.*) is not a Cairn project: it has no readable (.*)$/s, to: (m, t) => t('hostMsg.notProject', { path: m[1] }) },
  { re: /^(.*) is not empty; a new project needs an empty folder$/s, to: (m, t) => t('hostMsg.notEmpty', { path: m[1] }) },
  { re: /^Scenario file not found: (.*)$/s, to: (m, t) => t('hostMsg.scenarioNotFound', { path: m[1] }) },
  { re: /^A scenario file already exists: (.*)$/s, to: (m, t) => t('hostMsg.scenarioExists', { path: m[1] }) },
  { re: /^Not a scenario file \(\*(.*?)\): (.*)$/s, to: (m, t) => t('hostMsg.notScenario', { suffix: m[1], path: m[2] }) },
  { re: /^Folder not found: (.*)$/s, to: (m, t) => t('hostMsg.folderNotFound', { path: m[1] }) },
  { re: /^Not a folder: (.*)$/s, to: (m, t) => t('hostMsg.notFolder', { path: m[1] }) },
  { re: /^Cannot list (.*?): (.*)$/s, to: (m, t) => t('hostMsg.cannotList', { path: m[1], message: m[2] }) },
  { re: /^Cannot read (.*?): (.*)$/s, to: (m, t) => t('hostMsg.cannotRead', { path: m[1], message: m[2] }) },
  { re: /^No recovery copy of (.*)$/s, to: (m, t) => t('hostMsg.noRecovery', { path: m[1] }) },
  { re: /^The recovery copy of (.*) is damaged$/s, to: (m, t) => t('hostMsg.recoveryDamaged', { path: m[1] }) },
  { re: /^There is no sample named "(.*)"$/s, to: (m, t) => t('hostMsg.noSample', { name: m[1] }) },
  { re: /^No Orchestrator URL: set it in Orchestrator settings\.$/, to: (_m, t) => t('hostMsg.noOrchestratorUrl') },
  { re: /^No API key: save one in Orchestrator settings\.$/, to: (_m, t) => t('hostMsg.noApiKey') },
  { re: /^This project is being published already\.$/, to: (_m, t) => t('hostMsg.publishing') },
];

export function translateRunMessage(message: string, t: T, lang: 'en' | 'ru'): string {
  const again = (inner: string) => translateRunMessage(inner, t, lang);
  // "English / Русский": the user's half (the last " / " whose right side is Russian).
  const split = message.lastIndexOf(' / ');
  if (split > 0 && CYRILLIC.test(message.slice(split + 3)) && !CYRILLIC.test(message.slice(0, split))) {
    return lang === 'ru' ? message.slice(split + 3) : message.slice(0, split);
  }
  if (lang === 'en') return message;
  const where = WHERE.exec(message);
  if (where) {
    const place = t('runMsg.where', { block: where[1], scenario: where[2], param: where[3] });
    for (const rule of paramRules) {
      const m = rule.re.exec(where[4]);
      if (m) return `${place}: ${rule.to(m, t, again)}`;
    }
  }
  for (const rule of rules) {
    const m = rule.re.exec(message);
    if (m) return rule.to(m, t, again);
  }
  return message;
}
