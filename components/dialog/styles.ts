/**
 * The dialog's whole stylesheet, inside its shadow root: the page's CSS cannot reach in, ours
 * cannot leak out. System fonts cover Cyrillic and Japanese.
 */
export const DIALOG_CSS = `
:host { all: initial; }
.backdrop { position: fixed; inset: 0; background: rgba(15, 23, 42, .45); display: flex; align-items: center; justify-content: center; z-index: 2147483647; font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Noto Sans JP", "Hiragino Sans", "Yu Gothic UI", Meiryo, sans-serif; color: #0f172a; }
.dialog { background: #fff; border-radius: 10px; box-shadow: 0 20px 50px rgba(0,0,0,.3); width: min(560px, calc(100vw - 32px)); max-height: calc(100vh - 32px); overflow: auto; padding: 20px 22px; box-sizing: border-box; }
h2 { font-size: 17px; margin: 0 0 8px; display: flex; gap: 8px; align-items: center; }
h2::before { content: "⚠"; color: #b45309; }
p { margin: 6px 0; }
.why { color: #334155; }
.admin { background: #f1f5f9; border-left: 3px solid #2563eb; padding: 6px 10px; margin: 8px 0; white-space: pre-wrap; }
ul.findings { list-style: none; padding: 0; margin: 10px 0; }
ul.findings li { border: 1px solid #e2e8f0; border-radius: 8px; padding: 8px 10px; margin-bottom: 6px; }
.kind { font-weight: 600; font-size: 12px; color: #b45309; text-transform: none; }
.quote { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 13px; color: #475569; word-break: break-word; }
mark { background: #fde68a; color: #0f172a; padding: 0 2px; border-radius: 3px; }
.suggestion { font-size: 13px; color: #166534; }
.blocked { color: #b91c1c; font-weight: 600; }
label { display: block; font-size: 13px; margin: 10px 0 4px; color: #334155; }
textarea { width: 100%; box-sizing: border-box; min-height: 56px; font: inherit; padding: 6px 8px; border: 1px solid #cbd5e1; border-radius: 6px; resize: vertical; }
.actions { display: flex; flex-wrap: wrap; gap: 8px; margin-top: 14px; }
button { font: inherit; border-radius: 6px; padding: 7px 12px; cursor: pointer; border: 1px solid #cbd5e1; background: #fff; color: #0f172a; }
button.primary { background: #2563eb; border-color: #2563eb; color: #fff; }
button:disabled { opacity: .5; cursor: not-allowed; }
button:focus-visible, textarea:focus-visible { outline: 2px solid #2563eb; outline-offset: 1px; }
.policy { font-size: 13px; }
.note { font-size: 13px; color: #166534; }
`;
