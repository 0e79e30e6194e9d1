import { readFile } from "node:fs/promises";
import path from "node:path";

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
    deepLinking: true,
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

function initScriptResponse(): Response {
  return new Response(initScript, {
    headers: { "Content-Type": "text/javascript; charset=utf-8", "Cache-Control": "no-cache" },
  });
}

export function apiDocsPageResponse(): Response {
  const html = `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>API · Quadrant</title>
  <link rel="stylesheet" href="/api-docs/swagger-ui.css">
  <link rel="icon" type="image/png" href="/api-docs/favicon-32x32.png" sizes="32x32">
  <style>
    body { margin: 0; font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; background: #fff; }
    .docs-bar { display: flex; gap: 1rem; align-items: center; justify-content: space-between;
      padding: .75rem 1.25rem; border-bottom: 1px solid #e3e6eb; }
    .docs-bar a { color: #3b5bdb; text-decoration: none; font-weight: 600; }
    .docs-bar a:focus-visible { outline: 3px solid #3b5bdb; outline-offset: 2px; border-radius: 4px; }
    .docs-bar span { color: #5c6470; font-size: .875rem; }
  </style>
</head>
<body>
  <header class="docs-bar">
    <a href="/events">&larr; Quadrant</a>
    <span>OpenAPI 3.1 &middot; <a href="/api/openapi.json">openapi.json</a></span>
  </header>
  <main id="swagger-ui"><noscript>Enable JavaScript to browse the API, or read <a href="/api/openapi.json">openapi.json</a>.</noscript></main>
  <script src="/api-docs/swagger-ui-bundle.js" charset="utf-8"></script>
  <script src="/api-docs/init.js" charset="utf-8"></script>
</body>
</html>`;
  return new Response(html, { headers: { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-cache" } });
}
