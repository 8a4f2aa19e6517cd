import type { PageWords } from './texts.js';

/**
 * What every part of the emulator page shares: its state (language, tab, the job whose logs are
 * open, revealed values), the words, DOM and admin-API helpers, and the status line. Runs IN THE
 * BROWSER and is sent as its own source text (see page.ts): it must reference nothing outside its
 * body but its parameter and browser globals.
 */

export type Row = Record<string, unknown>;
export type Lang = 'en' | 'ru';
export type Tab = 'robots' | 'processes' | 'jobs' | 'assets' | 'queues';
export type PageKit = ReturnType<typeof pageKit>;
export type PageState = {
  lang: Lang;
  tab: Tab;
  /** The job whose log lines are open. */
  selectedJob: string;
  /** Text assets whose values the operator chose to see. */
  revealed: Set<string>;
  /** Set by the page shell: redraws the current tab. */
  refresh(): Promise<void>;
};

export function pageKit(words: PageWords) {
  const TABS: readonly Tab[] = ['robots', 'processes', 'jobs', 'assets', 'queues'];
  const saved = localStorage.getItem('cairn.emulator.lang');
  const lang: Lang = saved === 'ru' ? 'ru' : (saved ?? navigator.language).startsWith('ru') ? 'ru' : 'en';
  const tab: Tab = (TABS as readonly string[]).includes(location.hash.slice(1)) ? (location.hash.slice(1) as Tab) : 'jobs';
  const state: PageState = {
    lang,
    tab,
    selectedJob: '',
    revealed: new Set<string>(),
    refresh: () => Promise.resolve(),
  };
  const t = (key: keyof PageWords['texts']['en'], ...args: string[]): string =>
    args.reduce((s, arg, i) => s.replace(`{${i}}`, arg), words.texts[state.lang][key]);

  function h(tag: string, attrs: Record<string, string | boolean | undefined> = {}, ...children: (Node | string | null)[]): HTMLElement {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(attrs)) {
      if (value === undefined || value === false) continue;
      node.setAttribute(key, value === true ? '' : value);
    }
    for (const child of children) if (child !== null) node.append(child);
    return node;
  }
  function on<T extends HTMLElement>(node: T, event: string, handler: () => void): T {
    node.addEventListener(event, handler);
    return node;
  }
  const when = (iso: unknown): string => (typeof iso === 'string' && iso ? new Date(iso).toLocaleString(state.lang === 'ru' ? 'ru-RU' : 'en-GB') : '—');
  const str = (value: unknown): string => (value === null || value === undefined ? '' : String(value));
  const short = (guid: unknown): string => str(guid).slice(0, 8);

  async function api<T>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> {
    const response = await fetch(path, {
      method,
      headers: body === undefined ? undefined : { 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    const value = text ? (JSON.parse(text) as unknown) : null;
    if (!response.ok) throw new Error(str((value as Row | null)?.ErrorText) || `HTTP ${response.status}`);
    return value as T;
  }

  function table(label: string, headers: string[], rows: (Node | string)[][]): HTMLElement {
    if (rows.length === 0) return h('p', { class: 'muted' }, t('none'));
    return h(
      'table',
      { 'aria-label': label },
      h('thead', {}, h('tr', {}, ...headers.map((x) => h('th', {}, x)))),
      h('tbody', {}, ...rows.map((cells) => h('tr', {}, ...cells.map((c) => h('td', {}, c))))),
    );
  }

  const notice = h('div', { class: 'notice', role: 'status' });
  function say(text: string, error = false): void {
    notice.textContent = text;
    notice.className = error ? 'notice error' : 'notice';
  }
  /** An operator's action: do it, then redraw; a refusal is shown in the status line. */
  async function act(work: () => Promise<unknown>): Promise<void> {
    try {
      await work();
      await state.refresh();
    } catch (error) {
      say(t('error', error instanceof Error ? error.message : String(error)), true);
    }
  }

  return { TABS, words, state, t, h, on, when, str, short, api, table, notice, say, act };
}
