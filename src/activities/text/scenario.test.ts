import { describe, expect, it } from 'vitest';
// Integration test: the real engine runs a scenario with these blocks (production code never imports it).
import { chain, makeScenario, runScenario } from '../../engine/testing/scenarios.js';

describe('text blocks in a scenario run by the engine', () => {
  it('fills a template from variables, extracts numbers, and sends a bad pattern down the error port', async () => {
    const doc = makeScenario({
      variables: [
        { name: 'client', type: 'text', default: 'ООО «Ромашка»' },
        { name: 'message', type: 'text', direction: 'out' },
        { name: 'numbers', type: 'list', direction: 'out' },
        { name: 'problem', type: 'any', direction: 'out' },
      ],
      blocks: [
        { id: 'start', type: 'core.start' },
        { id: 'tpl', type: 'text.template', params: { template: 'Счета {client}: 12, 15' }, outputs: { text: 'message' } },
        { id: 'all', type: 'text.regexExtractAll', params: { text: { expr: 'message' }, pattern: '\\d+' }, outputs: { matches: 'numbers' } },
        { id: 'bad', type: 'text.regexMatch', params: { text: { expr: 'message' }, pattern: '([' }, onError: 'handle', errorVariable: 'problem' },
        { id: 'end', type: 'core.log', params: { message: 'not reached' } },
        { id: 'recover', type: 'core.log', params: { message: 'recovered' } },
      ],
      links: [...chain('start', 'tpl', 'all', 'bad', 'end'), ['bad', 'recover', 'error']],
    });
    const { summary, logs } = await runScenario(doc);
    expect(summary.error).toBeUndefined();
    expect(summary.outputs).toMatchObject({ message: 'Счета ООО «Ромашка»: 12, 15', numbers: ['12', '15'] });
    expect(summary.outputs.problem).toMatchObject({ blockId: 'bad', code: 'BAD_REGEX', message: expect.stringContaining('Pattern "([" is not a valid') });
    expect(logs.join('\n')).toContain('recovered');
    expect(logs.join('\n')).not.toContain('not reached');
  });
});
