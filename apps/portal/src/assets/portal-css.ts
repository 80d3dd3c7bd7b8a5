// The portal's stylesheet (the CSP allows this origin's stylesheet only, nothing inline).
export const PORTAL_CSS = `
*{box-sizing:border-box}
body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI","Apple SD Gothic Neo","Noto Sans KR","Hiragino Sans","Noto Sans JP",sans-serif;color:#1b1f24;background:#f5f7fa}
a{color:#0b5cd5}
header.top{display:flex;gap:24px;align-items:center;padding:12px 24px;background:#fff;border-bottom:1px solid #d9dee5}
.brand{font-weight:700;text-decoration:none;color:#1b1f24}
nav.menus{flex:1}
nav.menus>ul{display:flex;gap:24px;justify-content:center;list-style:none;margin:0;padding:0}
nav.menus li{position:relative}
nav.menus .submenu{list-style:none;margin:0;padding:0;display:flex;gap:12px;font-size:14px}
.account{display:flex;gap:12px;align-items:center}
.languages ul{display:flex;gap:12px;justify-content:flex-end;list-style:none;margin:0;padding:6px 24px;font-size:14px}
main{max-width:960px;margin:0 auto;padding:24px}
h1{font-size:28px;margin:8px 0 16px}
section{background:#fff;border:1px solid #d9dee5;border-radius:8px;padding:16px 20px;margin:0 0 20px}
.stack{display:flex;flex-direction:column;gap:12px}
.narrow{max-width:420px}
.field{display:flex;flex-direction:column;gap:4px}
.field label{font-weight:600}
.field input,.field select,.field textarea{font:inherit;padding:8px 10px;border:1px solid #9aa5b1;border-radius:6px;background:#fff}
.field.invalid input,.field.invalid select,.field.invalid textarea{border-color:#c62828}
.field-error{color:#c62828;margin:0;font-size:14px}
.hint,.note{color:#52606d;margin:0;font-size:14px}
.note{color:#8a5300}
.alert{border:1px solid #c62828;background:#fdecea;border-radius:6px;padding:8px 12px;margin:0 0 12px}
.alert p{margin:4px 0}
.flash{border-radius:6px;padding:8px 12px}
.flash.status{background:#e8f5e9;border:1px solid #2e7d32}
.flash.alert{background:#fff8e1;border:1px solid #b26a00}
button{font:inherit;padding:8px 18px;border-radius:6px;border:1px solid #0b5cd5;background:#0b5cd5;color:#fff;cursor:pointer;align-self:flex-start}
button.secondary{background:#fff;color:#0b5cd5}
button.link{background:none;border:0;color:#0b5cd5;padding:0;text-decoration:underline}
button[disabled]{opacity:.6;cursor:progress}
.button-link{display:inline-block;padding:6px 14px;border-radius:6px;background:#0b5cd5;color:#fff;text-decoration:none}
form.inline{display:inline}
.tabs ul{display:flex;gap:4px;list-style:none;margin:0 0 16px;padding:0;border-bottom:2px solid #d9dee5;flex-wrap:wrap}
.tabs a{display:block;padding:8px 16px;text-decoration:none;border:1px solid transparent;border-bottom:0;border-radius:6px 6px 0 0}
.tabs a.current{background:#fff;border-color:#d9dee5;font-weight:700;color:#1b1f24}
dl.facts{display:grid;grid-template-columns:max-content 1fr;gap:4px 16px}
dl.facts dt{font-weight:600}
dl.facts dd{margin:0}
table.list{width:100%;border-collapse:collapse}
table.list th,table.list td{text-align:left;padding:6px 8px;border-bottom:1px solid #e4e7eb}
.badge{display:inline-block;padding:1px 8px;border-radius:10px;background:#e4e7eb;font-size:14px}
.cards{list-style:none;padding:0;display:grid;grid-template-columns:repeat(auto-fill,minmax(240px,1fr));gap:12px}
.cards li{background:#fff;border:1px solid #d9dee5;border-radius:8px;padding:16px}
fieldset{border:1px solid #d9dee5;border-radius:6px;display:flex;flex-direction:column;gap:10px}
.secondary-actions{display:flex;gap:8px}
.replies{list-style:none;padding:0}
.reply{border-left:3px solid #9aa5b1;padding:4px 12px;margin:8px 0}
.reply.reviewer{border-color:#0b5cd5}
.body{white-space:pre-wrap}
`;
