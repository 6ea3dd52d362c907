import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Connect, type Plugin } from 'vite';

/**
 * One app, two entries. The source tree mirrors the URL layout, so dev, preview and the
 * production server agree on it:
 *
 *   index.html        -> dist/index.html        -> /         citizen portal (and its routes)
 *   admin/index.html  -> dist/admin/index.html  -> /admin/   back office    (and its routes)
 */
const root = fileURLToPath(new URL('.', import.meta.url));
const entry = (path: string): string => fileURLToPath(new URL(path, import.meta.url));

/** Paths served by the Express server (npm start, port 3000), never by this app. */
const backend = 'http://127.0.0.1:3000';
const proxy = {
  '^/api(/|$)': backend,
  '^/(health|ready)(\\?|$)': backend,
};

export default defineConfig({
  root,
  base: '/',
  plugins: [react(), adminSpaFallback()],
  // One preact for the designer: @bpmn-io/form-js-editor installs its own (pinned <= 10.15.1)
  // while form-js-viewer and the properties panel it renders use the hoisted one; two copies
  // break preact's hooks ("Cannot read properties of undefined (reading 'context')").
  resolve: { dedupe: ['preact'] },
  server: { proxy },
  preview: { proxy },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    rolldownOptions: {
      input: {
        portal: entry('./index.html'),
        admin: entry('./admin/index.html'),
      },
      // Name the chunks both entries load: libraries (vendor-*.js) and our own code (shared-*.js).
      // Libraries only the back office uses (react-admin, MUI, bpmn-js, form-js) stay in its
      // own chunks, so the citizen portal never downloads them.
      output: {
        codeSplitting: {
          groups: [
            // Only React and the router: a catch-all vendor group would also pull form-js (which
            // the back office loads up front) into every portal page, though the portal loads it
            // lazily with the form. Other shared libraries get chunks of their own.
            {
              name: 'vendor',
              test: /[\\/]node_modules[\\/](react|react-dom|scheduler|react-router|react-router-dom|cookie|set-cookie-parser)[\\/]/,
              minShareCount: 2,
              priority: 2,
            },
            { name: 'shared', test: /[\\/]src[\\/]/, minShareCount: 2, priority: 1 },
          ],
        },
      },
    },
  },
});

/**
 * Vite's own SPA fallback sends every unknown page to /index.html (the portal). The back office
 * has its own routes below /admin/, so those page requests get /admin/index.html, the same rule
 * the Express server applies to dist/.
 */
function adminSpaFallback(): Plugin {
  const rewrite: Connect.NextHandleFunction = (req, _res, next) => {
    const path = req.url?.split('?')[0] ?? '';
    const isPage = req.headers.accept?.includes('text/html') === true;
    const isAdminRoute = /^\/admin(\/[^.]*)?$/.test(path);
    if (isPage && isAdminRoute) req.url = '/admin/index.html';
    next();
  };
  return {
    name: 'serviceportal:admin-spa-fallback',
    configureServer: (server) => {
      server.middlewares.use(rewrite);
    },
    configurePreviewServer: (server) => {
      server.middlewares.use(rewrite);
    },
  };
}
