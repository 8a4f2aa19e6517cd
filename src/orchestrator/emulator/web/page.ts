import type { JobForm } from './jobsView.js';
import { jobForm, jobLogs, jobsView } from './jobsView.js';
import type { PageKit, Tab } from './kit.js';
import { pageKit } from './kit.js';
import { PAGE_WORDS, type PageWords } from './texts.js';
import { assetsView, processesView, queuesView, robotsView } from './views.js';

/**
 * The emulator's web page (`GET /` of `cairn orchestrator`): what an operator does in the
 * Orchestrator's web UI, over the emulator's JSON admin API. The page's functions run IN THE
 * BROWSER: `pageScript()` sends each as its own source text and hands them to `emulatorPage`, so
 * each must stay self-contained — no imports at run time, nothing outside its body but its
 * parameters and browser globals.
 */

const parts = { pageKit, robotsView, processesView, jobsView, jobForm, jobLogs, assetsView, queuesView };
export type PageParts = typeof parts;

/** The page shell: the toolbar with tabs and language, and one live refresh of the open tab. */
export function emulatorPage(words: PageWords, p: PageParts): void {
  const kit: PageKit = p.pageKit(words);
  const { state, t, h, on } = kit;
  const form: JobForm = p.jobForm(kit);
  const views: Record<Tab, () => Promise<Node[]>> = {
    robots: () => p.robotsView(kit),
    processes: () => p.processesView(kit),
    jobs: () => p.jobsView(kit, form, p.jobLogs),
    assets: () => p.assetsView(kit),
    queues: () => p.queuesView(kit),
  };

  const main = h('main');
  const nav = h('nav', { role: 'tablist', 'aria-label': 'Orchestrator' });
  const langSelect = h('select', { 'aria-label': 'Language / Язык' }, h('option', { value: 'en' }, 'English'), h('option', { value: 'ru' }, 'Русский')) as HTMLSelectElement;
  langSelect.value = state.lang;
  on(langSelect, 'change', () => {
    state.lang = langSelect.value === 'ru' ? 'ru' : 'en';
    localStorage.setItem('cairn.emulator.lang', state.lang);
    void state.refresh();
  });
  const heading = h('strong', { class: 'brand' });
  document.body.append(h('header', { class: 'toolbar' }, heading, nav, h('span', { class: 'grow' }), langSelect), kit.notice, main);
  if (matchMedia('(prefers-color-scheme: dark)').matches) document.documentElement.dataset.theme = 'dark';

  function renderNav(): void {
    heading.textContent = t('title');
    document.title = t('title');
    document.documentElement.lang = state.lang;
    const tabButton = (name: Tab) =>
      on(h('button', { type: 'button', role: 'tab', 'aria-selected': String(state.tab === name) }, t(name)), 'click', () => {
        state.tab = name;
        location.hash = name;
        kit.say('');
        void state.refresh();
      });
    nav.replaceChildren(...kit.TABS.map(tabButton));
  }

  let refreshing: Promise<void> | null = null;
  state.refresh = (): Promise<void> => {
    // One refresh at a time: a slow answer never lets an older view overwrite a newer one.
    refreshing ??= (async () => {
      try {
        renderNav();
        const content = await views[state.tab]();
        const focused = document.activeElement;
        main.replaceChildren(h('h1', {}, t(state.tab)), ...content);
        if (focused instanceof HTMLSelectElement && main.contains(focused)) focused.focus();
      } catch (error) {
        kit.say(t('error', error instanceof Error ? error.message : String(error)), true);
      } finally {
        refreshing = null;
      }
    })();
    return refreshing;
  };
  window.addEventListener('hashchange', () => {
    const wanted = location.hash.slice(1);
    if ((kit.TABS as readonly string[]).includes(wanted) && wanted !== state.tab) {
      state.tab = wanted as Tab;
      void state.refresh();
    }
  });
  void state.refresh();
  // Live: the page follows robots, jobs and logs as they change.
  setInterval(() => {
    if (!document.hidden) void state.refresh();
  }, 1000);
}

/**
 * The script as sent: the words as JSON and each part as its own source, handed to the shell.
 * esbuild (tsx) wraps named functions in `__name`, so a no-op stands in for it.
 */
export function pageScript(): string {
  const sources = Object.entries(parts).map(([name, part]) => `${JSON.stringify(name)}: ${part.toString()}`);
  return `"use strict";\nvar __name = function (target) { return target; };\n(${emulatorPage.toString()})(${JSON.stringify(PAGE_WORDS)}, {\n${sources.join(',\n')}\n});\n`;
}
