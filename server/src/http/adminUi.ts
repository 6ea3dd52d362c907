/**
 * Serves the built admin-ui (back office under /admin, citizen portal everywhere else) with a
 * fallback to each entry's index.html for client-side routes. Hashed assets are cached for a
 * year; the HTML never, so a deploy is visible at once. While the build is missing the pages
 * answer 503 with a short note (the server starts the build in the background on first start).
 */
import fs from 'node:fs';
import path from 'node:path';
import express, { Router, type Request, type Response } from 'express';

const RESERVED = /^\/(api|health|ready)(\/|$)/;

export interface AdminUiBuild {
  /** Whether dist/ holds a build. */
  ready(): boolean;
}

export function adminUiRoutes(dist: string, build: AdminUiBuild): Router {
  const router = Router();
  router.use(
    '/assets',
    express.static(path.join(dist, 'assets'), { immutable: true, maxAge: '365d', index: false }),
  );
  router.use(express.static(dist, { index: false, maxAge: 0 }));

  const sendEntry = (file: string) => (req: Request, res: Response, next: () => void) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return next();
    if (RESERVED.test(req.path)) return next();
    if (!req.accepts('html')) return next();
    if (!build.ready()) {
      res.status(503).set('Retry-After', '5').type('text/plain; charset=utf-8');
      res.send('Serviceportal: die Oberfläche wird gebaut … / the user interface is being built …');
      return;
    }
    res.set('Cache-Control', 'no-cache');
    res.sendFile(path.join(dist, file));
  };
  router.use('/admin', sendEntry(path.join('admin', 'index.html')));
  router.use(sendEntry('index.html'));
  return router;
}

export function hasBuild(dist: string): boolean {
  return (
    fs.existsSync(path.join(dist, 'index.html')) &&
    fs.existsSync(path.join(dist, 'admin', 'index.html'))
  );
}
