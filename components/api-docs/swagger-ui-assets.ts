import { readFile } from "node:fs/promises";
import path from "node:path";
import { themeCss, themeScript } from "./swagger-theme";

/**
 * Swagger UI served from our own origin out of the installed swagger-ui-dist package,
 * so /api-docs works offline (no CDN). Only these files are exposed.
 */
const contentTypes: Record<string, string> = {
  "swagger-ui.css": "text/css; charset=utf-8",
  "swagger-ui-bundle.js": "text/javascript; charset=utf-8",
  "favicon-32x32.png": "image/png",
};

const cache = new Map<string, Buffer>();

function distDir(): string {
  return path.join(process.cwd(), "node_modules", "swagger-ui-dist");
}

export async function swaggerAssetResponse(name: string): Promise<Response> {
  if (name === "init.js") return initScriptResponse();
  if (name === "theme.js") return textResponse(themeScript, "text/javascript; charset=utf-8");
  if (name === "quadrant.css") return textResponse(themeCss, "text/css; charset=utf-8");
  const type = contentTypes[name];
  if (!type) return new Response("Not found", { status: 404, headers: { "Content-Type": "text/plain" } });
  let body = cache.get(name);
  if (!body) {
    body = await readFile(path.join(distDir(), name));
    cache.set(name, body);
  }
  return new Response(new Uint8Array(body), {
    headers: {
      "Content-Type": type,
      "Cache-Control": "public, max-age=3600",
      "X-Content-Type-Options": "nosniff",
    },
  });
}

/** Configuration in a file of its own (no inline script); validatorUrl null keeps it offline. */
const initScript = `window.addEventListener("load", function () {
  window.ui = SwaggerUIBundle({
    url: "/api/openapi.json",
    dom_id: "#swagger-ui",
    // No deep links: Swagger UI puts each as a link inside the summary button (nested interactive controls).
    deepLinking: false,
    validatorUrl: null,
    withCredentials: true,
    persistAuthorization: true,
    displayRequestDuration: true,
    tryItOutEnabled: false,
    presets: [SwaggerUIBundle.presets.apis],
    layout: "BaseLayout"
  });
});
`;

function textResponse(body: string, type: string): Response {
  return new Response(body, { headers: { "Content-Type": type, "Cache-Control": "no-cache", "X-Content-Type-Options": "nosniff" } });
}

function initScriptResponse(): Response {
  return new Response(initScript, {
    headers: { "Content-Type": "text/javascript; charset=utf-8", "Cache-Control": "no-cache" },
  });
}

/**
 * The page: our header (brand back to the app, the raw document, the app's pages), Swagger UI below.
 * The theme script runs first, in <head>, so a dark page never flashes white.
 */
export function apiDocsPageResponse(): Response {
  const html = `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <meta name="color-scheme" content="light dark">
  <title>API · Quadrant</title>
  <script src="/api-docs/theme.js"></script>
  <link rel="stylesheet" href="/api-docs/swagger-ui.css">
  <link rel="stylesheet" href="/api-docs/quadrant.css">
  <link rel="icon" href="/icon.svg" type="image/svg+xml">
</head>
<body>
  <a class="skip-link" href="#swagger-ui">Skip to the API reference</a>
  <header class="docs-bar">
    <div style="display:flex;align-items:center;gap:.75rem;min-width:0">
      <a class="docs-brand" href="/"><span class="docs-mark" aria-hidden="true"><span></span><span></span><span></span><span></span></span>Quadrant<span style="position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)">, home</span></a>
      <span class="docs-crumb">/ API reference</span>
    </div>
    <nav class="docs-nav" aria-label="Documentation">
      <a class="secondary" href="/api/openapi.json">openapi.json</a>
      <a class="primary" href="/">Back to the app</a>
    </nav>
  </header>
  <main id="swagger-ui" tabindex="-1"><noscript>Enable JavaScript to browse the API, or read <a href="/api/openapi.json">openapi.json</a>.</noscript></main>
  <script src="/api-docs/swagger-ui-bundle.js" charset="utf-8"></script>
  <script src="/api-docs/init.js" charset="utf-8"></script>
</body>
</html>`;
  return new Response(html, { headers: { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-cache" } });
}
