/** The web view's stylesheet, served at /web/style.css (kept in code so the bundled hub carries it). */
export const WEB_STYLESHEET = `
:root {
  color-scheme: light dark;
  --bg: #ffffff; --fg: #1f2933; --muted: #52606d; --line: #cbd2d9; --panel: #f5f7fa;
  --link: #0b5cad; --focus: #0b5cad; --button: #0b5cad; --button-fg: #ffffff;
  --warn-bg: #fff4d6; --warn-fg: #6b4500; --info-bg: #e3f0ff; --info-fg: #0b3d75;
  --ok-bg: #e6f6ec; --ok-fg: #1e5631; --problem-bg: #fde8e8; --problem-fg: #8a1c1c;
  font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
  line-height: 1.5;
}
@media (prefers-color-scheme: dark) {
  :root {
    --bg: #14181c; --fg: #e4e7eb; --muted: #a9b4bf; --line: #3e4c59; --panel: #1f262d;
    --link: #8cc4ff; --focus: #8cc4ff; --button: #8cc4ff; --button-fg: #0b1a2b;
    --warn-bg: #3d2e00; --warn-fg: #ffd77a; --info-bg: #0b2a4d; --info-fg: #b9dcff;
    --ok-bg: #12351f; --ok-fg: #a7e3bb; --problem-bg: #4a1414; --problem-fg: #ffc4c4;
  }
}
* { box-sizing: border-box; }
body { margin: 0; background: var(--bg); color: var(--fg); }
a { color: var(--link); }
:focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; }
.skip { position: absolute; left: -9999px; }
.skip:focus { left: 1rem; top: 1rem; background: var(--bg); padding: 0.5rem; z-index: 1; }
.top { display: flex; flex-wrap: wrap; gap: 1rem; align-items: center; justify-content: space-between;
  padding: 0.75rem 1.5rem; border-bottom: 1px solid var(--line); background: var(--panel); }
.brand { margin: 0; font-weight: 600; }
.brand a { color: var(--fg); text-decoration: none; }
.who { display: flex; gap: 0.75rem; align-items: center; margin: 0; }
main { max-width: 72rem; margin: 0 auto; padding: 1.5rem; }
main.narrow { max-width: 32rem; }
h1 { font-size: 1.6rem; margin: 0 0 0.5rem; }
h2 { font-size: 1.2rem; margin: 2rem 0 0.5rem; }
h3 { font-size: 1rem; margin: 1rem 0 0.25rem; }
.lead, .meta, .help, .note { color: var(--muted); }
.help { font-size: 0.9rem; margin: 0.25rem 0 0.75rem; }
label { display: block; font-weight: 600; margin-bottom: 0.25rem; }
input[type=search], input[type=password], select, textarea {
  font: inherit; color: var(--fg); background: var(--bg); border: 1px solid var(--muted); border-radius: 4px; padding: 0.4rem 0.5rem; }
input[type=password], textarea { width: 100%; }
textarea { min-height: 7rem; }
button { font: inherit; cursor: pointer; border-radius: 4px; padding: 0.4rem 0.9rem;
  background: var(--button); color: var(--button-fg); border: 1px solid var(--button); }
button.quiet { background: transparent; color: var(--link); border-color: var(--line); }
.filters { display: flex; flex-wrap: wrap; gap: 1rem; align-items: flex-end; padding: 1rem; background: var(--panel); border-radius: 6px; }
.filters .check { display: flex; gap: 0.4rem; align-items: center; }
.filters .check label { margin: 0; font-weight: normal; }
.actions { display: flex; gap: 1rem; align-items: center; }
table { border-collapse: collapse; width: 100%; margin-top: 1rem; }
th, td { text-align: left; vertical-align: top; padding: 0.5rem; border-bottom: 1px solid var(--line); }
th { font-weight: 600; }
dl { display: grid; grid-template-columns: minmax(10rem, 16rem) 1fr; gap: 0.4rem 1rem; margin: 0; }
dt { font-weight: 600; }
dd { margin: 0; white-space: pre-wrap; overflow-wrap: anywhere; }
dd dl { grid-template-columns: auto 1fr; }
ul.plain, ol.plain { list-style: none; padding: 0; margin: 0; }
.tag { display: inline-block; border-radius: 999px; padding: 0 0.6rem; font-size: 0.9rem; margin: 0 0.25rem 0.25rem 0; }
.tag.not-met { background: var(--warn-bg); color: var(--warn-fg); }
.tag.needs-info { background: var(--info-bg); color: var(--info-fg); }
.tag.fine { background: var(--ok-bg); color: var(--ok-fg); }
.notice, .problem { border-radius: 6px; padding: 0.75rem 1rem; margin: 1rem 0; }
.notice { background: var(--ok-bg); color: var(--ok-fg); }
.problem { background: var(--problem-bg); color: var(--problem-fg); }
.comment { border-left: 3px solid var(--line); padding: 0.25rem 0 0.25rem 1rem; margin: 0 0 1rem; }
.comment p { margin: 0.25rem 0 0; white-space: pre-wrap; overflow-wrap: anywhere; }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
`;

/** A small icon, so browsers do not ask for a favicon the hub does not have. */
export const WEB_ICON_SVG =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 16 16"><rect width="16" height="16" rx="3" fill="#0b5cad"/><path d="M4 4h8v2H6v2h5v2H6v2H4z" fill="#fff"/></svg>';
