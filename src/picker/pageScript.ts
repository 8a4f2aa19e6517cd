import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

/**
 * The script the picker puts into every frame of its browser (an init script, so it survives
 * navigations and reaches iframes). It is plain JavaScript in a string on purpose: a function
 * passed through toString() would carry the bundler's helpers (`__name`) into the page.
 *
 * It does three things and decides nothing: it draws the highlight box and the tooltip over the
 * element under the mouse (looking into open shadow roots through the event's composed path);
 * it reports what the person does — hover and click in pick mode, clicks / changes / Enter in
 * record mode — to the picker through exposed bindings, by an id the picker turns back into the
 * element; and it gathers the facts about an element (test id, role, name, label, placeholder,
 * text, CSS path) that the picker turns into selectors and checks with Playwright.
 */
const PAGE_SCRIPT = String.raw`
(() => {
  if (window.__cairnPicker) return;
  const finderModule = (() => { /*FINDER*/ return { finder }; })();
  let mode = 'idle';
  const elements = new Map();
  let nextId = 1 + Math.floor(Math.random() * 1e9); // ids of an earlier document never name an element of this one
  const remember = (el) => {
    const id = nextId++;
    elements.set(id, el);
    if (elements.size > 500) elements.delete(elements.keys().next().value);
    return id;
  };
  let host, box, tip;
  function ensureOverlay() {
    if (host && host.isConnected) return;
    host = document.createElement('cairn-picker-overlay');
    host.style.cssText = 'position:fixed;left:0;top:0;width:0;height:0;z-index:2147483647;pointer-events:none';
    const root = host.attachShadow({ mode: 'closed' });
    root.innerHTML = '<style>' +
      '.box{position:fixed;border:2px solid #e8590c;background:rgba(232,89,12,.12);pointer-events:none;box-sizing:border-box;border-radius:2px}' +
      '.tip{position:fixed;background:#1f2937;color:#f9fafb;font:12px/1.45 system-ui,sans-serif;padding:5px 9px;border-radius:5px;max-width:520px;white-space:pre-wrap;pointer-events:none;box-shadow:0 2px 8px rgba(0,0,0,.3)}' +
      '.bad{color:#fca5a5}' +
      '</style><div class="box" hidden></div><div class="tip" hidden></div>';
    box = root.querySelector('.box');
    tip = root.querySelector('.tip');
    (document.body || document.documentElement).appendChild(host);
  }
  function show(el, text, bad) {
    ensureOverlay();
    const r = el.getBoundingClientRect();
    box.hidden = false;
    Object.assign(box.style, { left: r.left + 'px', top: r.top + 'px', width: r.width + 'px', height: r.height + 'px' });
    tip.hidden = false;
    tip.textContent = text;
    tip.className = bad ? 'tip bad' : 'tip';
    const below = r.bottom + 6;
    Object.assign(tip.style, { left: Math.max(4, Math.min(r.left, innerWidth - 300)) + 'px', top: (below + 30 < innerHeight ? below : Math.max(4, r.top - 32)) + 'px' });
  }
  function hide() {
    if (box) box.hidden = true;
    if (tip) tip.hidden = true;
  }
  // Every listener, so that dispose() leaves the page as it was (a paused run's page, see picker.ts).
  const listeners = [];
  const listen = (type, fn) => {
    addEventListener(type, fn, true);
    listeners.push([type, fn]);
  };
  const deepTarget = (e) => e.composedPath().find((n) => n && n.nodeType === 1 && n !== host) || null;

  // Pick mode: hover shows the proposal, click picks; the page never sees the click.
  let hovered = null;
  let hoverSeq = 0;
  listen('mousemove', (e) => {
    if (mode !== 'pick') return;
    const el = deepTarget(e);
    if (!el || el === hovered) return;
    hovered = el;
    show(el, '…');
    const seq = ++hoverSeq;
    window.__cairnPickerHover(remember(el)).then((answer) => {
      if (seq === hoverSeq && hovered === el && mode === 'pick') show(el, answer.text, answer.bad);
    }, () => {});
  });
  const swallow = (e) => {
    if (mode !== 'pick') return;
    e.preventDefault();
    e.stopPropagation();
    e.stopImmediatePropagation();
  };
  for (const type of ['mousedown', 'mouseup', 'pointerdown', 'pointerup', 'dblclick', 'auxclick', 'contextmenu', 'submit']) listen(type, swallow);
  listen('click', (e) => {
    if (mode === 'pick') {
      swallow(e);
      const el = deepTarget(e);
      if (el) window.__cairnPickerPick(remember(el));
      return;
    }
    if (mode !== 'record' || !e.isTrusted) return;
    const raw = deepTarget(e);
    if (!raw) return;
    // Fields record what they end up holding (change), not the clicks that focus them.
    if (raw.closest('input:not([type=submit]):not([type=button]):not([type=reset]):not([type=image]), select, option, textarea, [contenteditable=""], [contenteditable=true]')) return;
    const label = raw.closest('label');
    if (label && label.control) return;
    const el = raw.closest('button, a[href], [role=button], [role=link], [role=tab], [role=menuitem], [role=option], input, summary') || raw;
    record('click', el, {});
  });

  // Record mode: what a person does, as facts; the picker makes blocks of them.
  const recorded = new WeakMap();
  function record(kind, el, data) {
    // Facts and counts now, while the element is in the page: a click may navigate away at once.
    const f = facts(el);
    window.__cairnPickerRecord(JSON.stringify(Object.assign({ kind, id: remember(el), facts: f, counts: countsFor(f, el) }, data))).catch(() => {});
  }
  const isTextField = (el) => el.matches('textarea, [contenteditable=""], [contenteditable=true], input:not([type=checkbox]):not([type=radio]):not([type=file]):not([type=submit]):not([type=button]):not([type=reset]):not([type=image]):not([type=hidden])');
  function recordFill(el) {
    const value = el.matches('input, textarea') ? el.value : el.textContent;
    if (recorded.get(el) === value) return;
    recorded.set(el, value);
    record('fill', el, { value, secret: el.matches('input[type=password]') });
  }
  listen('change', (e) => {
    if (mode !== 'record') return;
    const el = deepTarget(e);
    if (!el) return;
    if (el.matches('input[type=checkbox], input[type=radio]')) return record('check', el, { checked: el.checked });
    if (el.matches('select')) return record('select', el, { values: [...el.selectedOptions].map((o) => o.value) });
    if (el.matches('input[type=file]')) return record('upload', el, { files: [...el.files].map((f) => f.name) });
    if (isTextField(el)) recordFill(el);
  });
  listen('keydown', (e) => {
    if (mode !== 'record' || !e.isTrusted || e.key !== 'Enter') return;
    const el = deepTarget(e);
    if (!el || !isTextField(el) || el.matches('textarea')) return;
    recordFill(el);
    record('press', el, { key: 'Enter' });
  });

  // Facts about an element, for selectors.
  const norm = (s) => (s || '').replace(/\s+/g, ' ').trim();
  const textOf = (el) => norm(el.innerText !== undefined ? el.innerText : el.textContent);
  function labelTextOf(label, field) {
    const copy = label.cloneNode(true);
    copy.querySelectorAll('input, select, textarea, button').forEach((n) => n.remove());
    return norm(copy.textContent);
  }
  const isField = (el) => el.matches('input:not([type=hidden]), select, textarea');
  function labelOf(el, beside = true) {
    const ids = el.getAttribute('aria-labelledby');
    if (ids) {
      const root = el.getRootNode();
      const text = norm(ids.split(/\s+/).map((id) => root.getElementById ? root.getElementById(id) : document.getElementById(id)).filter(Boolean).map((n) => n.textContent).join(' '));
      if (text) return text;
    }
    const aria = norm(el.getAttribute('aria-label'));
    if (aria) return aria;
    if (!isField(el)) return '';
    if (el.labels && el.labels.length) {
      const text = labelTextOf(el.labels[0], el);
      if (text) return text;
    }
    const prev = el.previousElementSibling;
    if (beside && prev && prev.tagName === 'LABEL' && !prev.hasAttribute('for')) return norm(prev.textContent);
    return '';
  }
  function roleOf(el) {
    const explicit = norm(el.getAttribute('role')).split(' ')[0];
    if (explicit) return explicit;
    const tag = el.tagName.toLowerCase();
    const type = (el.getAttribute('type') || 'text').toLowerCase();
    if (tag === 'button') return 'button';
    if (tag === 'a' && el.hasAttribute('href')) return 'link';
    if (tag === 'textarea') return 'textbox';
    if (tag === 'select') return el.multiple || el.size > 1 ? 'listbox' : 'combobox';
    if (/^h[1-6]$/.test(tag)) return 'heading';
    if (tag === 'img' && el.getAttribute('alt')) return 'img';
    if (tag === 'input') {
      if (['button', 'submit', 'reset', 'image'].includes(type)) return 'button';
      if (type === 'checkbox' || type === 'radio') return type;
      if (type === 'range') return 'slider';
      if (type === 'number') return 'spinbutton';
      if (type === 'search') return 'searchbox';
      if (['text', 'email', 'tel', 'url'].includes(type)) return 'textbox';
    }
    return '';
  }
  function nameOf(el, role) {
    // A label merely beside a field is not its accessible name (Cairn's "Find by: label" finds it; roles do not).
    const label = labelOf(el, false);
    if (label) return label;
    const tag = el.tagName.toLowerCase();
    if (tag === 'input') {
      const type = (el.getAttribute('type') || '').toLowerCase();
      if (type === 'submit') return norm(el.value) || 'Submit';
      if (type === 'reset') return norm(el.value) || 'Reset';
      if (type === 'button') return norm(el.value);
      if (type === 'image') return norm(el.getAttribute('alt'));
    }
    if (tag === 'img') return norm(el.getAttribute('alt'));
    if (['button', 'link', 'heading', 'tab', 'menuitem', 'option', 'checkbox', 'radio', 'switch', 'cell', 'columnheader'].includes(role)) return textOf(el);
    return norm(el.getAttribute('title'));
  }
  function cssOf(el) {
    const root = el.getRootNode();
    const inShadow = root && root.host;
    let own;
    try {
      own = el === document.body ? 'body' : finderModule.finder(el, {
        root: inShadow ? root : document.body,
        // Ids and classes that look generated change from build to build: not worth a selector.
        idName: (name) => !/\d{2,}|^[a-z]{1,2}\d|[0-9a-f]{6,}/i.test(name) && /^[a-z][\w-]*$/i.test(name),
        className: (name) => !/\d{2,}|^(css|sc|jsx|ng|_)-|[0-9a-f]{6,}/i.test(name) && /^[a-z][\w-]*$/i.test(name),
        attr: (name, value) => ['name', 'type', 'role', 'aria-label', 'title', 'alt', 'href', 'for'].includes(name) && value.length < 60 && !/\s{2}/.test(value),
        timeoutMs: 300,
      });
    } catch (e) {
      own = el.tagName.toLowerCase();
    }
    return inShadow ? cssOf(root.host) + ' ' + own : own;
  }
  function facts(el) {
    const role = roleOf(el);
    const field = isField(el);
    const text = field ? '' : textOf(el);
    return {
      tag: el.tagName.toLowerCase(),
      testId: el.getAttribute('data-testid') || el.getAttribute('data-test-id') || el.getAttribute('data-test') || '',
      testIdAttr: el.hasAttribute('data-testid') ? 'data-testid' : el.hasAttribute('data-test-id') ? 'data-test-id' : 'data-test',
      role,
      name: role ? nameOf(el, role) : '',
      label: field || el.getAttribute('aria-labelledby') ? labelOf(el) : '',
      placeholder: norm(el.getAttribute('placeholder')),
      text: text.length > 0 && text.length <= 60 ? text : '',
      css: cssOf(el),
    };
  }
  // Every element of the document, open shadow roots included (what Playwright's lookups see).
  function deepAll(doc) {
    const out = [];
    const walk = (root) => {
      for (const el of root.querySelectorAll('*')) {
        out.push(el);
        if (el.shadowRoot) walk(el.shadowRoot);
      }
    };
    walk(doc);
    return out;
  }
  // The same counts the picker gets from Playwright, approximated in the page for the recorder.
  function countsFor(f, el) {
    const all = deepAll(el.ownerDocument);
    const has = (a, b) => a.toLowerCase().includes(b.toLowerCase());
    const counts = {};
    if (f.testId) counts.testId = all.filter((e) => e.getAttribute(f.testIdAttr) === f.testId).length;
    if (f.role && f.name) counts.role = all.filter((e) => roleOf(e) === f.role && has(nameOf(e, f.role), f.name)).length;
    if (f.label) {
      const labelled = all.filter((e) => isField(e) || e.hasAttribute('aria-labelledby') || e.hasAttribute('aria-label')).map((e) => labelOf(e));
      counts.label = labelled.filter((l) => has(l, f.label)).length;
      counts.labelExact = labelled.filter((l) => l === f.label).length;
    }
    if (f.placeholder) counts.placeholder = all.filter((e) => has(norm(e.getAttribute('placeholder')), f.placeholder)).length;
    if (f.text) counts.text = all.filter((e) => !isField(e) && has(textOf(e), f.text) && ![...e.children].some((c) => has(textOf(c), f.text))).length;
    try {
      counts.css = f.css.includes(' ') && el.getRootNode().host ? 1 : document.querySelectorAll(f.css).length;
    } catch (e) {
      counts.css = 0;
    }
    return counts;
  }
  window.__cairnPicker = {
    setMode(next) {
      mode = next;
      hovered = null;
      if (next !== 'pick') hide();
    },
    take: (id) => elements.get(id) || null,
    facts,
    css: cssOf,
    flash(el, text, bad) { show(el, text, bad); },
    hide,
    // Leaves the page as it was: no listeners, no overlay, no picker globals.
    dispose() {
      mode = 'idle';
      for (const [type, fn] of listeners) removeEventListener(type, fn, true);
      listeners.length = 0;
      elements.clear();
      if (host) host.remove();
      for (const name of ['__cairnPicker', '__cairnPickerMode', '__cairnPickerHover', '__cairnPickerPick', '__cairnPickerRecord']) {
        try { delete window[name]; } catch (e) { window[name] = undefined; }
      }
    },
  };
  // A frame that loads while picking or recording joins in.
  if (window.__cairnPickerMode) window.__cairnPickerMode().then((m) => window.__cairnPicker.setMode(m), () => {});
})();
`;

let cached: string | undefined;

/** The page script with @medv/finder (the CSS-path fallback) inlined; read once per process. */
export function pickerPageScript(): string {
  if (cached) return cached;
  const require = createRequire(import.meta.url);
  const finder = readFileSync(require.resolve('@medv/finder'), 'utf8').replace(/^export /gm, '');
  cached = PAGE_SCRIPT.replace('/*FINDER*/', () => finder);
  return cached;
}
