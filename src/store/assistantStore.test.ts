import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openAppStore, type AppStore } from './appStore.js';

let dir: string;
let store: AppStore;
/** 2001: long before any run the real clock starts. */
const START = 1_000_000_000_000;
const file = () => path.join(dir, 'app.sqlite');

beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'cairn-assistant-store-'));
  store = openAppStore(file());
});
afterEach(async () => {
  store.close();
  await rm(dir, { recursive: true, force: true });
});

const project = (id: string, name: string) => ({ id, kind: 'project' as const, path: `/p/${id}`, name, description: '', processGuid: null, versionGuid: null, versionName: '1.0.0' });

describe('the Assistant store', () => {
  it('keeps favourites first and a process’s settings when it is synced again', () => {
    store.assistant.upsertProcess(project('a', 'Zeta'));
    store.assistant.upsertProcess(project('b', 'alpha'));
    store.assistant.updateProcess('a', { favourite: true, hotkey: 'Ctrl+Alt+1', autostart: true });
    store.assistant.upsertProcess({ ...project('a', 'Zeta'), versionName: '1.1.0' });
    const [first, second] = store.assistant.processes();
    expect(first).toMatchObject({ id: 'a', favourite: true, hotkey: 'Ctrl+Alt+1', autostart: true, versionName: '1.1.0' });
    expect(second.id).toBe('b');
    store.assistant.removeProcess('a');
    expect(store.assistant.processes().map((p) => p.id)).toEqual(['b']);
  });

  it('keeps every log line of a run, finds runs by log text and result, and survives reopening', () => {
    store.assistant.beginRun({ runGuid: 'r1', processId: 'a', name: 'Invoices', args: { customer: 'ACME', password: '••••••' }, reported: false });
    for (let i = 0; i < 2500; i++) store.assistant.log('r1', 'info', `line ${i}`);
    store.assistant.finishRun('r1', { result: 'failed', outputs: {}, errorStep: 'Read (read)', errorMessage: 'file not found' });
    store.assistant.beginRun({ runGuid: 'r2', processId: 'a', name: 'Invoices', args: {}, reported: true });
    store.assistant.log('r2', 'info', 'all good');
    store.assistant.finishRun('r2', { result: 'success', outputs: { total: 42 } });
    store.close();
    store = openAppStore(file());

    expect(store.assistant.logOf('r1')).toHaveLength(2500);
    expect(store.assistant.logOf('r1')[2499].message).toBe('line 2499');
    expect(store.assistant.runs({ search: 'LINE 17' }).map((r) => r.runGuid)).toEqual(['r1']);
    expect(store.assistant.runs({ result: 'success' }).map((r) => r.runGuid)).toEqual(['r2']);
    expect(store.assistant.run('r1')).toMatchObject({ result: 'failed', errorStep: 'Read (read)', args: { customer: 'ACME', password: '••••••' } });
    expect(store.assistant.lastRunOf('a')?.runGuid).toBe('r2');
  });

  it('closes runs the app lost when it was killed, and applies retention by age and count', () => {
    // Runs at day 0, 10, 20 and one left unfinished.
    for (const [i, day] of [0, 10, 20].entries()) {
      const clock = START + day * 86_400_000;
      store.db.prepare('INSERT INTO run_history (run_guid, process_id, name, started_at, finished_at, result) VALUES (?, ?, ?, ?, ?, ?)').run(`r${i}`, 'a', 'P', clock, clock + 1, 'success');
    }
    store.assistant.beginRun({ runGuid: 'lost', processId: 'a', name: 'P', args: {}, reported: false });
    expect(store.assistant.closeInterrupted('the app stopped')).toBe(1);
    expect(store.assistant.run('lost')).toMatchObject({ result: 'failed', errorMessage: 'the app stopped' });

    expect(store.assistant.applyRetention({ count: 3 })).toBe(1);
    expect(store.assistant.run('r0')).toBeNull();
    // "lost" was started now (real clock), far after day 20: a 1-day limit keeps only it.
    expect(store.assistant.applyRetention({ days: 1 })).toBe(2);
    expect(store.assistant.runs({}).map((r) => r.runGuid)).toEqual(['lost']);
  });
});
