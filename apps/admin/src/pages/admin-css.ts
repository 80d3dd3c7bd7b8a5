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
h2 { font-size: 1.125rem; margin: 0 0 0.75rem; }
h3 { font-size: 0.95rem; margin: 1rem 0 0.25rem; color: var(--muted); }
.mono { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; font-size: 0.9em; }
.small { font-size: 0.85rem; }
.nowrap { white-space: nowrap; }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
.page-heading { margin-bottom: 1rem; }
.page-heading h1 { display: flex; flex-wrap: wrap; align-items: center; gap: 0.5rem; margin-bottom: 0.25rem; }
.page-heading p { margin: 0; }
.breadcrumb { margin: 0 0 0.5rem; }
button.secondary { background: #fff; color: var(--accent); border: 1px solid var(--accent); border-radius: 4px; padding: 0.45rem 1rem; }
button.danger { background: var(--danger); color: #fff; border: 0; border-radius: 4px; padding: 0.5rem 1.25rem; }
button:focus-visible, a:focus-visible, select:focus-visible, input:focus-visible, textarea:focus-visible { outline: 3px solid #7cc4fa; outline-offset: 1px; }
a.button-link { display: inline-block; padding: 0.25rem 0.75rem; border: 1px solid var(--accent); border-radius: 4px; text-decoration: none; }
a.button-link:hover { background: #e6f2fa; }
.field select, .field textarea { font: inherit; padding: 0.5rem; border: 1px solid var(--line); border-radius: 4px; background: #fff; }
.field textarea { resize: vertical; min-height: 4.5rem; }
.field textarea[aria-invalid="true"] { border-color: var(--danger); }
.field-error { color: var(--danger); font-size: 0.875rem; font-weight: 600; }
.notice { color: #0f5132; background: #e7f5ec; border: 1px solid #b7e0c4; border-radius: 4px; padding: 0.5rem 0.75rem; }
form.filters { display: flex; flex-wrap: wrap; align-items: flex-end; gap: 1rem; margin-bottom: 1rem; padding: 0.75rem 1rem; background: #fff; border: 1px solid var(--line); border-radius: 6px; }
form.filters .field { margin: 0; min-width: 18rem; }
form.filters .checkbox { display: flex; align-items: center; gap: 0.4rem; padding-bottom: 0.55rem; }
table.queue td { vertical-align: top; }
table.queue tr.is-overdue td:first-child { box-shadow: inset 4px 0 0 var(--danger); }
table.queue td.member { min-width: 15rem; }
table.queue .member-login { font-weight: 600; overflow-wrap: anywhere; }
table.queue td.requested { min-width: 14rem; }
.badges { display: flex; flex-wrap: wrap; gap: 0.25rem; }
ul.changes { margin: 0; padding-left: 1.1rem; }
.table-scroll { overflow-x: auto; }
.pager { display: flex; justify-content: space-between; margin-top: 1rem; }
.pager a[rel="next"] { margin-left: auto; }
.badge { display: inline-block; padding: 0.1rem 0.5rem; border-radius: 999px; font-size: 0.8rem; font-weight: 600; line-height: 1.4; border: 1px solid transparent; white-space: nowrap; vertical-align: middle; }
.status-submitted { background: #e6f2fa; color: #0b4f7a; border-color: #b6d9ef; }
.status-in_review { background: #fff4d6; color: #7a5200; border-color: #f0d68a; }
.status-info_requested { background: #f1e8fb; color: #5b2a86; border-color: #d9c2f0; }
.status-approved { background: #e7f5ec; color: #0f5132; border-color: #b7e0c4; }
.status-rejected { background: #fdecec; color: var(--danger); border-color: #f5c2c2; }
.status-withdrawn, .status-expired { background: #eef1f4; color: var(--muted); border-color: var(--line); }
.overdue-badge { background: var(--danger); color: #fff; }
.changed-badge { background: #fff4d6; color: #7a5200; border-color: #f0d68a; }
dl.summary { display: grid; grid-template-columns: repeat(auto-fit, minmax(12rem, 1fr)); gap: 0.75rem 1.5rem; margin: 0 0 1.25rem; padding: 1rem 1.25rem; background: #fff; border: 1px solid var(--line); border-radius: 6px; }
dl.summary dt { font-size: 0.8rem; text-transform: uppercase; letter-spacing: 0.03em; color: var(--muted); }
dl.summary dd { margin: 0; overflow-wrap: anywhere; }
dl.summary .wide { grid-column: span 2; }
.review-layout { display: grid; grid-template-columns: minmax(0, 1fr) 20rem; gap: 1.25rem; align-items: start; }
.review-main { display: flex; flex-direction: column; gap: 1.25rem; min-width: 0; }
.review-main table { border: 0; }
.review-main th[scope="row"] { background: none; width: 30%; }
table.comparison tr.changed td, table.comparison tr.changed th { background: #fffbea; }
table.comparison tr.changed td:last-child { font-weight: 600; }
p.note { white-space: pre-wrap; overflow-wrap: anywhere; margin: 0; }
td.note { white-space: pre-wrap; overflow-wrap: break-word; min-width: 10rem; }
table.documents .document-name { font-weight: 600; overflow-wrap: anywhere; }
table.documents td.links a + a { margin-left: 0.75rem; }
p.note.info-request, p.note.rejection { padding: 0.5rem 0.75rem; background: var(--surface); border-left: 4px solid var(--line); }
p.note.rejection { border-left-color: var(--danger); }
aside.actions { position: sticky; top: 1rem; }
aside.actions form.action { padding: 0.75rem 0; border-top: 1px solid var(--line); }
aside.actions form.action:first-of-type { border-top: 0; padding-top: 0; }
aside.actions form.action .field { margin-bottom: 0.5rem; }
aside.actions form.action .muted.small { display: block; margin-top: 0.25rem; }
.claimed-elsewhere { font-weight: 600; }
@media (max-width: 60rem) {
  .review-layout { grid-template-columns: 1fr; }
  aside.actions { position: static; }
  form.filters .field { min-width: 0; }
  dl.summary .wide { grid-column: auto; }
}
/* The review desk (issue 14): navigation spacing, language switch, inbox conversation, audit JSON, fact lists. */
header.top nav { display: flex; flex-wrap: wrap; gap: 0.25rem 1rem; }
.language-switch select { font: inherit; padding: 0.1rem 0.25rem; }
ol.conversation { list-style: none; padding: 0; margin: 0 0 1.5rem; }
ol.conversation li.message { background: #fff; border: 1px solid var(--line); border-radius: 6px; padding: 0.75rem 1rem; margin: 0 0 0.75rem; }
ol.conversation li.from-support { border-left: 4px solid #0b69a3; }
ol.conversation li.message p { margin: 0.25rem 0; }
ul.attachments { padding-left: 1.25rem; }
ul.attachments a { margin-left: 0.5rem; }
pre.json { margin: 0; white-space: pre-wrap; overflow-wrap: anywhere; max-width: 22rem; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 0.4rem 1.5rem; margin: 0 0 1.25rem; }
dl.facts dt { color: var(--muted); }
dl.facts dd { margin: 0; overflow-wrap: anywhere; }
`;
