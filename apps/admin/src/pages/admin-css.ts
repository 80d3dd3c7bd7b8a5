// Served as /assets/admin.css: the pages' only styles (the CSP allows no inline style).
export const ADMIN_CSS = `:root {
  color-scheme: light;
  --ink: #1f2933;
  --muted: #616e7c;
  --line: #d9e2ec;
  --accent: #0b69a3;
  --danger: #a61b1b;
  --surface: #f5f7fa;
  font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans KR", "Noto Sans JP", sans-serif;
}
* { box-sizing: border-box; }
body { margin: 0; color: var(--ink); background: var(--surface); line-height: 1.5; }
a { color: var(--accent); }
header.top { display: flex; align-items: center; gap: 1.5rem; padding: 0.75rem 1.5rem; background: #fff; border-bottom: 1px solid var(--line); }
header.top .brand { font-weight: 600; text-decoration: none; color: var(--ink); }
header.top nav { flex: 1; }
header.top .account { display: flex; align-items: center; gap: 0.75rem; color: var(--muted); }
main { max-width: 72rem; margin: 2rem auto; padding: 0 1.5rem; }
h1 { font-size: 1.5rem; margin: 0 0 1rem; }
form.inline { display: inline; margin: 0; }
button { font: inherit; cursor: pointer; }
button.primary { background: var(--accent); color: #fff; border: 0; border-radius: 4px; padding: 0.5rem 1.25rem; }
button.link { background: none; border: 0; padding: 0; color: var(--accent); text-decoration: underline; }
.card { background: #fff; border: 1px solid var(--line); border-radius: 6px; padding: 1.5rem; }
.sign-in { max-width: 24rem; margin: 4rem auto; }
.field { display: flex; flex-direction: column; gap: 0.25rem; margin-bottom: 1rem; }
.field input { font: inherit; padding: 0.5rem; border: 1px solid var(--line); border-radius: 4px; }
.error { color: var(--danger); background: #fdecec; border: 1px solid #f5c2c2; border-radius: 4px; padding: 0.5rem 0.75rem; }
.muted { color: var(--muted); }
table { width: 100%; border-collapse: collapse; background: #fff; border: 1px solid var(--line); }
th, td { text-align: left; padding: 0.5rem 0.75rem; border-bottom: 1px solid var(--line); }
th { background: var(--surface); font-weight: 600; }
td.empty { text-align: center; color: var(--muted); padding: 2rem; }
.overdue { color: var(--danger); font-weight: 600; }
`;
