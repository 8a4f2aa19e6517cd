import { beforeEach, describe, expect, it } from 'vitest';
import { useDesigner } from './index.js';
import { isDirty } from './documents.js';
import { addBlock, setParam } from '../model/edits.js';
import { testDoc } from '../model/testDoc.js';

const PATH = '/p/main.scenario.json';
const state = () => useDesigner.getState();
const doc = () => state().docs[PATH].doc;

describe('documents store', () => {
  beforeEach(() => {
    for (const path of [...state().tabs]) state().closeDocument(path);
    state().openDocument(PATH, testDoc(), 'rev-1');
  });

  it('undo and redo restore the exact previous and next documents', () => {
    const original = doc();
    state().edit((d) => addBlock(d, 'core.log', [0, 0]).doc);
    const added = doc();
    state().edit((d) => setParam(d, 'log1', 'message', 'hi'));
    const edited = doc();
    state().undo();
    expect(doc()).toBe(added);
    state().undo();
    expect(doc()).toBe(original);
    state().redo();
    state().redo();
    expect(doc()).toBe(edited);
  });

  it('a new edit clears redo', () => {
    state().edit((d) => addBlock(d, 'core.log', [0, 0]).doc);
    state().undo();
    state().edit((d) => addBlock(d, 'core.end', [0, 0]).doc);
    expect(state().docs[PATH].redo).toEqual([]);
  });

  it('keystrokes in one field are one undo step', () => {
    const original = doc();
    for (const text of ['h', 'he', 'hel']) state().edit((d) => setParam(d, 'small', 'message', text), null, 'param:small:message');
    expect(doc().blocks[3].params).toEqual({ message: 'hel' });
    state().undo();
    expect(doc()).toBe(original);
  });

  it('is dirty after an edit, clean after save, and clean again when undone to the saved state', () => {
    expect(isDirty(state().docs[PATH])).toBe(false);
    state().edit((d) => addBlock(d, 'core.log', [0, 0]).doc);
    expect(isDirty(state().docs[PATH])).toBe(true);
    state().undo();
    expect(isDirty(state().docs[PATH])).toBe(false);
    state().redo();
    state().markSaved(PATH, 'rev-2', doc());
    expect(isDirty(state().docs[PATH])).toBe(false);
    expect(state().docs[PATH].rev).toBe('rev-2');
  });

  it('edits the document they name, not only the active one', () => {
    state().openDocument('/p/other.scenario.json', { ...testDoc(), id: 'other' }, 'r');
    expect(state().active).toBe('/p/other.scenario.json');
    state().edit((d) => addBlock(d, 'core.log', [0, 0]).doc, PATH);
    expect(doc().blocks).toHaveLength(5);
    expect(state().docs['/p/other.scenario.json'].doc.blocks).toHaveLength(4);
  });
});
