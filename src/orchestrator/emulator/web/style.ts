/**
 * The page's look: the Designer's colour variables (renderer/styles/app.css, light and dark) and
 * its toolbar, tabs, tables and buttons, restated small so the emulator serves one self-contained page.
 */
export const PAGE_CSS = `
:root { --bg:#f5f6f8; --panel:#fff; --panel-2:#eef0f3; --border:#d6d9de; --text:#1d2330; --muted:#6b7280;
  --accent:#2563eb; --accent-soft:#dbe7ff; --danger:#dc2626; --warn:#d97706; --ok:#16a34a;
  font-family: system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif; font-size: 13px; color: var(--text); background: var(--bg); }
:root[data-theme='dark'] { --bg:#16181d; --panel:#1e2128; --panel-2:#262a33; --border:#363b47; --text:#e5e7eb; --muted:#9ca3af;
  --accent:#60a5fa; --accent-soft:#1e3a5f; color-scheme: dark; }
* { box-sizing: border-box; }
body { margin: 0; background: var(--bg); }
button, input, select { font: inherit; color: inherit; }
select, input { background: var(--panel); border: 1px solid var(--border); border-radius: 4px; padding: 3px 6px; }
button { background: var(--panel-2); border: 1px solid var(--border); border-radius: 4px; padding: 3px 8px; cursor: pointer; }
button:hover:not(:disabled) { border-color: var(--accent); }
button.primary { background: var(--accent); color: #fff; border-color: var(--accent); }
button.danger { color: var(--danger); }
.toolbar { display: flex; align-items: center; gap: 8px; padding: 4px 12px; background: var(--panel); border-bottom: 1px solid var(--border); height: 42px; }
.brand { font-size: 15px; margin-right: 12px; }
.grow { flex: 1; }
nav { display: flex; gap: 2px; height: 100%; }
nav button { border: none; background: none; border-radius: 0; padding: 0 12px; height: 100%; }
nav button[aria-selected='true'] { box-shadow: inset 0 -2px 0 var(--accent); font-weight: 600; }
main { padding: 12px 16px; max-width: 1200px; }
h1 { font-size: 16px; margin: 4px 0 10px; }
h2 { font-size: 14px; margin: 4px 0 8px; }
.card { background: var(--panel); border: 1px solid var(--border); border-radius: 6px; padding: 10px 12px; margin: 0 0 12px; }
.row { display: flex; gap: 6px; align-items: center; flex-wrap: wrap; }
table { border-collapse: collapse; width: 100%; background: var(--panel); border: 1px solid var(--border); border-radius: 6px; margin-bottom: 12px; }
th { text-align: left; font-weight: 600; color: var(--muted); padding: 5px 8px; border-bottom: 1px solid var(--border); background: var(--panel-2); }
td { padding: 4px 8px; border-bottom: 1px solid var(--border); vertical-align: middle; }
.card table { border: none; margin: 0; }
code { font-family: ui-monospace, monospace; font-size: 12px; }
.muted { color: var(--muted); }
.notice { padding: 0 16px; min-height: 20px; line-height: 20px; color: var(--muted); }
.notice.error { color: var(--danger); }
.status { font-weight: 600; }
.robot-2, .job-4 { color: var(--ok); } .robot-3, .job-8, .job-1 { color: var(--accent); }
.job-5, .job-3, .job-2, .robot-0 { color: var(--danger); } .job-6, .job-7 { color: var(--warn); }
.level-warning { color: var(--warn); } .level-error, .level-critical { color: var(--danger); }
.log-message { font-family: ui-monospace, monospace; font-size: 12px; white-space: pre-wrap; }
a { color: var(--accent); }
`;
