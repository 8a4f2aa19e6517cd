import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHarness, expectBlockError, expectParamError, type Harness } from '../testing/harness.js';
import { chooseFile, chooseFolder } from './choose.js';
import { confirm } from './confirm.js';
import { inputForm } from './input.js';
import { messageBox } from './message.js';
import { HostError } from '../hostMethods.js';

let h: Harness;
/** What the blocks asked the host for, in order. */
let asked: { method: string; params: Record<string, unknown> }[];

/** The user interface of these tests: answers each dialog method from `answers`. */
function userAnswers(answers: Record<string, unknown>): void {
  h.ctx.host = {
    request: async <T>(method: string, params: unknown) => {
      asked.push({ method, params: params as Record<string, unknown> });
      if (!(method in answers)) throw new HostError(`Host service "${method}" is not available in this run`, 'NOT_AVAILABLE');
      return answers[method] as T;
    },
  };
}

beforeEach(async () => {
  h = await createHarness();
  asked = [];
});
afterEach(() => h.close());

describe('dialogs.message', () => {
  it('shows the message with its kind and waits for the user', async () => {
    userAnswers({ 'dialog.message': undefined });
    expect(await h.run(messageBox, { message: 'Invoices sent: 12', level: 'warning' })).toBeUndefined();
    expect(asked).toEqual([{ method: 'dialog.message', params: { title: 'Cairn', message: 'Invoices sent: 12', level: 'warning' } }]);
  });

  it('fails clearly in an unattended run instead of hanging, and on an empty message', async () => {
    await expectBlockError(h.run(messageBox, { message: 'hello' }), /dialogs need an attended run; this run has no user interface/, 'UNATTENDED');
    userAnswers({ 'dialog.message': undefined });
    await expectBlockError(h.run(messageBox, { message: '  ' }), /"message" is empty/, 'BAD_INPUT');
  });
});

describe('dialogs.confirm', () => {
  it('goes out through yes or no and gives the answer as a boolean', async () => {
    userAnswers({ 'dialog.confirm': true });
    expect(await h.run(confirm, { message: 'Send?' })).toEqual({ port: 'yes', outputs: { answer: true } });
    userAnswers({ 'dialog.confirm': false });
    expect(await h.run(confirm, { message: 'Send?' })).toEqual({ port: 'no', outputs: { answer: false } });
  });

  it('rejects an answer that is not yes or no, and a terminal nobody can type into', async () => {
    userAnswers({ 'dialog.confirm': 'perhaps' });
    await expectBlockError(h.run(confirm, { message: 'Send?' }), /answered "perhaps" instead of yes or no/, 'DIALOG_FAILED');
    h.ctx.host = { request: () => Promise.reject(new HostError('stdin is not an interactive terminal: run the scenario from a terminal', 'UNATTENDED')) };
    await expectBlockError(h.run(confirm, { message: 'Send?' }), /attended run; this run has no user interface \(stdin is not an interactive terminal/, 'UNATTENDED');
  });
});

describe('dialogs.input', () => {
  const fields = [
    { name: 'amount', label: 'Amount', type: 'number', required: true, variable: 'total' },
    { name: 'approved', type: 'boolean' },
    { name: 'pin', label: 'PIN', type: 'password' },
    { name: 'due', type: 'date' },
    { name: 'region', type: 'choice', choices: ['north', 'south'], default: 'north' },
    { name: 'note', type: 'text' },
  ];

  it('turns answers into typed values, writes mapped fields to variables and masks passwords', async () => {
    h.vars.set('total', 0);
    userAnswers({ 'dialog.input': { amount: '12,5', approved: 'да', pin: 'pin-4711', due: '31.12.2026', region: '' } });
    const result = await h.run(inputForm, { title: 'Invoice', fields });
    expect(result).toEqual({
      port: 'next',
      outputs: { values: { amount: 12.5, approved: true, pin: 'pin-4711', due: new Date(2026, 11, 31), region: 'north', note: null } },
    });
    expect(h.vars.get('total')).toBe(12.5);
    // The UI never sees which variables the scenario writes.
    expect((asked[0].params.fields as object[]).every((f) => !('variable' in f))).toBe(true);
    h.ctx.log('info', 'entered pin-4711');
    expect(h.logs.at(-1)?.message).not.toContain('pin-4711');
  });

  it('takes the cancel port when the user cancels the form', async () => {
    h.vars.set('total', 0);
    userAnswers({ 'dialog.input': null });
    expect(await h.run(inputForm, { fields })).toEqual({ port: 'cancel' });
  });

  it('names the field that is wrong: badly described, left empty, or of the wrong type', async () => {
    userAnswers({ 'dialog.input': {} });
    await expectBlockError(h.run(inputForm, { fields: [] }), /non-empty list of fields/, 'BAD_INPUT');
    await expectBlockError(h.run(inputForm, { fields: [{ name: 'x', type: 'colour' }] }), /Field "x" has unknown type "colour"/);
    await expectBlockError(h.run(inputForm, { fields: [{ name: 'r', type: 'choice' }] }), /Field "r" is a choice but has no "choices"/);
    await expectBlockError(h.run(inputForm, { fields: [{ name: 'a', variable: 'nowhere' }] }), /variable "nowhere", which the scenario does not declare/);
    await expectBlockError(h.run(inputForm, { fields: [{ name: 'a', label: 'Amount', type: 'number', required: true }] }), /Field "Amount" is required/);
    userAnswers({ 'dialog.input': { a: 'lots', d: '2026-02-30' } });
    await expectBlockError(h.run(inputForm, { fields: [{ name: 'a', type: 'number' }] }), /Field "a": "lots" is not a number/);
    await expectBlockError(h.run(inputForm, { fields: [{ name: 'd', type: 'date' }] }), /Field "d": "2026-02-30" is not a date/);
  });
});

describe('dialogs.chooseFile and dialogs.chooseFolder', () => {
  it('return the chosen path, or take the cancel port', async () => {
    userAnswers({ 'dialog.chooseFile': '/data/report.xlsx' });
    expect(await h.run(chooseFile, { save: true, filters: ['.xlsx', 'csv'] })).toEqual({ port: 'next', outputs: { path: '/data/report.xlsx' } });
    expect(asked[0].params).toEqual({ title: 'Choose a file', save: true, filters: ['xlsx', 'csv'] });
    userAnswers({ 'dialog.chooseFile': null });
    expect(await h.run(chooseFolder, {})).toEqual({ port: 'cancel' });
    expect(asked[1].params).toEqual({ title: 'Choose a folder', folder: true });
  });

  it('reject filters that are not a list of extensions, and an unattended run', async () => {
    userAnswers({ 'dialog.chooseFile': '/x' });
    await expectParamError(h.run(chooseFile, { filters: 'xlsx' }), 'filters', /expects list, got text/);
    await expectBlockError(h.run(chooseFile, { filters: [1] }), /"filters" must be a list of extensions/, 'BAD_INPUT');
    userAnswers({});
    await expectBlockError(h.run(chooseFolder, {}), /dialogs need an attended run/, 'UNATTENDED');
  });
});
