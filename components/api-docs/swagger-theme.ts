/**
 * Swagger UI dressed as Quadrant: our fonts and theme tokens (the values of app/globals.css, which
 * this static page cannot import), light and dark. Dark follows the app's choice (next-themes keeps
 * it in localStorage "theme": light, dark or system) and otherwise the system setting; on the page
 * it sets `.dark` (our tokens) and `.dark-mode` (Swagger UI's own dark styles) on <html>.
 */
export const themeScript = `(function () {
  var stored = null;
  try { stored = localStorage.getItem("theme"); } catch (e) {}
  var media = window.matchMedia ? window.matchMedia("(prefers-color-scheme: dark)") : null;
  function apply() {
    var dark = stored === "dark" || ((stored === null || stored === "system") && !!media && media.matches);
    document.documentElement.classList.toggle("dark", dark);
    document.documentElement.classList.toggle("dark-mode", dark);
    document.documentElement.style.colorScheme = dark ? "dark" : "light";
  }
  apply();
  if (media && media.addEventListener) media.addEventListener("change", apply);
  window.addEventListener("storage", function (e) { if (e.key === "theme") { stored = e.newValue; apply(); } });
})();
`;

export const themeCss = `:root {
  --radius: 0.625rem;
  --font-sans: system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, 'Noto Sans', sans-serif;
  --font-mono: ui-monospace, SFMono-Regular, Menlo, Consolas, 'Liberation Mono', monospace;
  --background: oklch(0.985 0.002 264);
  --foreground: oklch(0.21 0.02 264);
  --card: oklch(1 0 0);
  --primary: oklch(0.5 0.2 274);
  --primary-foreground: oklch(0.985 0.005 274);
  --muted: oklch(0.96 0.005 264);
  --muted-foreground: oklch(0.48 0.02 264);
  --accent: oklch(0.95 0.012 274);
  --border: oklch(0.915 0.006 264);
  --input: oklch(0.87 0.008 264);
  --ring: oklch(0.55 0.19 274);
  --destructive: oklch(0.53 0.21 27);
  color-scheme: light;
}
html.dark {
  --background: oklch(0.17 0.012 264);
  --foreground: oklch(0.95 0.005 264);
  --card: oklch(0.205 0.014 264);
  --primary: oklch(0.7 0.15 276);
  --primary-foreground: oklch(0.18 0.04 276);
  --muted: oklch(0.25 0.013 264);
  --muted-foreground: oklch(0.72 0.015 264);
  --accent: oklch(0.28 0.03 274);
  --border: oklch(1 0 0 / 10%);
  --input: oklch(1 0 0 / 16%);
  --ring: oklch(0.65 0.15 276);
  --destructive: oklch(0.68 0.19 24);
}
html, body { margin: 0; background: var(--background); color: var(--foreground); font-family: var(--font-sans); -webkit-font-smoothing: antialiased; }
a { color: var(--primary); }
:focus-visible { outline: 3px solid color-mix(in oklch, var(--ring) 60%, transparent); outline-offset: 2px; border-radius: 4px; }

.skip-link { position: fixed; top: .75rem; left: 1rem; z-index: 100; transform: translateY(-4rem); padding: .5rem 1rem; border-radius: calc(var(--radius) - 2px);
  background: var(--background); color: var(--foreground); font-weight: 500; font-size: .875rem; text-decoration: none; box-shadow: 0 0 0 2px var(--ring); }
.skip-link:focus-visible { transform: none; }

.docs-bar { position: sticky; top: 0; z-index: 30; display: flex; gap: .75rem; align-items: center; justify-content: space-between; height: 3.5rem; box-sizing: border-box;
  padding: 0 1.5rem; border-bottom: 1px solid var(--border); background: color-mix(in oklch, var(--background) 85%, transparent); backdrop-filter: blur(8px); }
.docs-brand { display: inline-flex; align-items: center; gap: .5rem; color: var(--foreground); font-weight: 600; text-decoration: none; border-radius: 6px; }
.docs-mark { display: grid; grid-template-columns: 1fr 1fr; gap: 2px; width: 1.75rem; height: 1.75rem; padding: 6px; box-sizing: border-box; border-radius: 6px; background: var(--primary); }
.docs-mark span { border-radius: 2px; background: var(--primary-foreground); }
.docs-mark span:nth-child(2), .docs-mark span:nth-child(3) { opacity: .6; }
.docs-mark span:nth-child(4) { opacity: .85; }
.docs-crumb { color: var(--muted-foreground); font-size: .875rem; }
.docs-nav { display: flex; align-items: center; gap: .5rem; flex-wrap: wrap; }
.docs-nav a { display: inline-flex; align-items: center; height: 2.25rem; padding: 0 .75rem; border-radius: calc(var(--radius) - 2px); font-size: .875rem; font-weight: 500;
  color: var(--foreground); text-decoration: none; border: 1px solid var(--border); background: var(--card); }
.docs-nav a:hover { background: var(--accent); }
.docs-nav a.primary { background: var(--primary); border-color: var(--primary); color: var(--primary-foreground); }
@media (max-width: 640px) { .docs-bar { padding: 0 1rem; } .docs-crumb, .docs-nav .secondary { display: none; } }

/* Swagger UI on our surface: fonts, text, borders, buttons and inputs from the tokens. */
.swagger-ui, .swagger-ui .info .title, .swagger-ui .opblock-tag, .swagger-ui .btn, .swagger-ui select, .swagger-ui input, .swagger-ui textarea,
.swagger-ui .parameter__name, .swagger-ui .response-col_status, .swagger-ui .tab li, .swagger-ui .model-title, .swagger-ui table thead tr th,
.swagger-ui .opblock .opblock-summary-description, .swagger-ui .info p, .swagger-ui .info li, .swagger-ui .markdown p, .swagger-ui .renderedMarkdown p,
.swagger-ui section.models h4, .swagger-ui .opblock .opblock-section-header h4, .swagger-ui label, .swagger-ui .scheme-container .schemes > label {
  font-family: var(--font-sans);
}
.swagger-ui code, .swagger-ui pre, .swagger-ui .opblock-summary-path, .swagger-ui .opblock-summary-path__deprecated, .swagger-ui .model, .swagger-ui .prop-type,
.swagger-ui .parameter__type, .swagger-ui .microlight { font-family: var(--font-mono) !important; }
.swagger-ui .wrapper { max-width: 1200px; padding: 0 1.5rem; box-sizing: border-box; }
.swagger-ui .info { margin: 2rem 0 1.5rem; }
.swagger-ui .info .title { color: var(--foreground); font-size: 1.75rem; font-weight: 600; letter-spacing: -0.01em; }
.swagger-ui .info .title small { background: var(--muted); color: var(--muted-foreground); border-radius: 6px; }
.swagger-ui .info .title small pre { color: var(--foreground); }
html .swagger-ui .info .title small.version-stamp { background: #167a4e; }
html .swagger-ui .info .title small.version-stamp pre { color: #fff; }
.swagger-ui .json-schema-2020-12-expand-deep-button { color: var(--muted-foreground); background: transparent; }
/* Method badges dark enough for white text (AA) in both themes. */
.swagger-ui .opblock .opblock-summary-method { color: #fff; text-shadow: none; }
.swagger-ui .opblock.opblock-post .opblock-summary-method { background: #167a4e; }
.swagger-ui .opblock.opblock-get .opblock-summary-method { background: #1d62ad; }
.swagger-ui .opblock.opblock-put .opblock-summary-method { background: #995300; }
.swagger-ui .opblock.opblock-delete .opblock-summary-method { background: #b8322a; }
.swagger-ui .opblock.opblock-patch .opblock-summary-method { background: #137368; }
.swagger-ui .opblock.opblock-head .opblock-summary-method { background: #7437ab; }
.swagger-ui .opblock.opblock-options .opblock-summary-method { background: #0d5aa7; }
.swagger-ui .info a, .swagger-ui .info .link { color: var(--primary); }
.swagger-ui .info p, .swagger-ui .info li, .swagger-ui .markdown p, .swagger-ui .renderedMarkdown p, .swagger-ui .opblock-description-wrapper p { color: var(--foreground); }
.swagger-ui .scheme-container { background: transparent; border: 0; box-shadow: none; margin: 0 0 .5rem; padding: 0; }
.swagger-ui .opblock-tag { color: var(--foreground); border-bottom-color: var(--border); font-weight: 600; font-size: 1.125rem; }
.swagger-ui .opblock-tag small { color: var(--muted-foreground); }
.swagger-ui .opblock { border-radius: var(--radius); box-shadow: none; }
.swagger-ui .opblock .opblock-summary { border-radius: var(--radius); }
.swagger-ui .opblock .opblock-summary-method { border-radius: 6px; font-family: var(--font-sans); font-weight: 600; }
.swagger-ui .opblock .opblock-summary-path, .swagger-ui .opblock .opblock-summary-description { color: var(--foreground); }
.swagger-ui .opblock .opblock-section-header { background: var(--muted); box-shadow: none; }
.swagger-ui .opblock .opblock-section-header h4, .swagger-ui .opblock-title_normal, .swagger-ui .tab li, .swagger-ui .parameter__name, .swagger-ui .response-col_status,
.swagger-ui table thead tr th, .swagger-ui table thead tr td, .swagger-ui .response-col_links, .swagger-ui .model-title, .swagger-ui section.models h4, .swagger-ui label { color: var(--foreground); }
.swagger-ui .parameter__in, .swagger-ui .parameter__type, .swagger-ui .prop-format, .swagger-ui .model .property.primitive { color: var(--muted-foreground); }
.swagger-ui table thead tr th, .swagger-ui table thead tr td { border-bottom-color: var(--border); }
.swagger-ui section.models { border-color: var(--border); border-radius: var(--radius); }
.swagger-ui section.models .model-container { background: var(--muted); border-radius: calc(var(--radius) - 2px); }
.swagger-ui .model-box { background: transparent; }
.swagger-ui .btn { border-radius: calc(var(--radius) - 2px); box-shadow: none; border-color: var(--input); color: var(--foreground); background: var(--card); font-weight: 500; }
.swagger-ui .btn:hover { background: var(--accent); box-shadow: none; }
.swagger-ui .btn.execute, .swagger-ui .btn.authorize { background: var(--primary); border-color: var(--primary); color: var(--primary-foreground); }
.swagger-ui .btn.authorize span, .swagger-ui .btn.execute span { color: var(--primary-foreground); }
.swagger-ui .btn.authorize svg { fill: var(--primary-foreground); }
.swagger-ui .btn.cancel { border-color: var(--destructive); color: var(--destructive); background: transparent; }
.swagger-ui input[type=text], .swagger-ui input[type=password], .swagger-ui input[type=search], .swagger-ui input[type=email], .swagger-ui input[type=file], .swagger-ui textarea, .swagger-ui select {
  background: var(--card); color: var(--foreground); border: 1px solid var(--input); border-radius: calc(var(--radius) - 2px); box-shadow: none; }
.swagger-ui select { background-image: none; padding-right: .75rem; }
.swagger-ui .highlight-code > .microlight, .swagger-ui .microlight { border-radius: calc(var(--radius) - 2px); }
.swagger-ui .dialog-ux .modal-ux { background: var(--card); color: var(--foreground); border-color: var(--border); border-radius: var(--radius); }
.swagger-ui .dialog-ux .modal-ux-header h3, .swagger-ui .dialog-ux .modal-ux-content p, .swagger-ui .dialog-ux .modal-ux-content h4 { color: var(--foreground); }
.swagger-ui .loading-container .loading::after { color: var(--muted-foreground); }
.swagger-ui svg.arrow, .swagger-ui .expand-operation svg, .swagger-ui .opblock-control-arrow svg, .swagger-ui .model-toggle::after { fill: var(--muted-foreground); }
html.dark .swagger-ui { background: transparent; }
html.dark .swagger-ui .opblock .opblock-section-header { background: color-mix(in oklch, var(--card) 80%, transparent); }
html.dark .swagger-ui .opblock-body pre.microlight, html.dark .swagger-ui .highlight-code > .microlight { background: oklch(0.14 0.01 264) !important; }
html.dark .swagger-ui .model-toggle::after { filter: invert(1); }
@media (max-width: 640px) { .swagger-ui .wrapper { padding: 0 .75rem; } .swagger-ui .info { margin: 1.25rem 0 1rem; } }
`;
