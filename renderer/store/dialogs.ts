import type { StateCreator } from 'zustand';
import type { EventPayload } from '../../src/api/contract.js';
import type { DesignerState } from './index.js';

export type DialogRequest = EventPayload<'dialog.request'>;

/** A question the Designer itself asks (recover? reload? overwrite?), answered by a button id. */
export type Question = {
  id: number;
  title: string;
  text: string;
  buttons: { id: string; label: string }[];
  resolve(answer: string): void;
};

export type DialogsSlice = {
  /** Questions blocks asked during a run, oldest first; the first one is shown. */
  dialogs: DialogRequest[];
  questions: Question[];
  pushDialog(request: DialogRequest): void;
  dropDialog(requestId: string): void;
  /** Shows a modal question; resolves with the id of the button pressed (`cancel` on Escape). */
  ask(question: Omit<Question, 'id' | 'resolve'>): Promise<string>;
  answerQuestion(id: number, answer: string): void;
};

let nextQuestion = 0;

export const createDialogsSlice: StateCreator<DesignerState, [], [], DialogsSlice> = (set, get) => ({
  dialogs: [],
  questions: [],
  pushDialog(request) {
    set({ dialogs: [...get().dialogs, request] });
  },
  dropDialog(requestId) {
    set({ dialogs: get().dialogs.filter((d) => d.requestId !== requestId) });
  },
  ask(question) {
    return new Promise((resolve) => {
      set({ questions: [...get().questions, { ...question, id: ++nextQuestion, resolve }] });
    });
  },
  answerQuestion(id, answer) {
    const question = get().questions.find((q) => q.id === id);
    set({ questions: get().questions.filter((q) => q.id !== id) });
    question?.resolve(answer);
  },
});
