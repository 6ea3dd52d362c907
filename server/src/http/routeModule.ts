/**
 * A route module: one domain's Express router, where it is mounted, and the OpenAPI paths that
 * describe it. The app mounts only route modules, and a test walks every module's router to
 * check that each registered route is in the OpenAPI document.
 */
import type { Router } from 'express';
import type { OpenApiPaths } from './openapi';

export interface RouteModule {
  /** Mount path, '' for the root. */
  prefix: string;
  router: Router;
  openapi: OpenApiPaths;
}

interface RouteLayer {
  route?: { path: string | string[]; methods: Record<string, boolean> };
}

/** Every (method, path) the module's router registers, with Express ':param' turned into '{param}'. */
export function listRoutes(module: RouteModule): { method: string; path: string }[] {
  const found: { method: string; path: string }[] = [];
  for (const layer of module.router.stack as RouteLayer[]) {
    if (!layer.route) continue;
    const paths = Array.isArray(layer.route.path) ? layer.route.path : [layer.route.path];
    for (const routePath of paths) {
      for (const [method, enabled] of Object.entries(layer.route.methods)) {
        if (!enabled || method === '_all') continue;
        found.push({
          method,
          path: `${module.prefix}${routePath}`.replace(/:([A-Za-z0-9_]+)/g, '{$1}'),
        });
      }
    }
  }
  return found;
}
