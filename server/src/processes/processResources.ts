/**
 * The files of a service as the designer edits them: text, with the kind the engine deploys
 * them as. The service catalog holds them as bytes (`ServiceResource`).
 */
import type { ServiceResource } from '../services/catalog.loader';

export type ResourceKind = ServiceResource['kind'];

export interface ProcessResource {
  name: string;
  kind: ResourceKind;
  content: string;
}

export function fromServiceResources(resources: readonly ServiceResource[]): ProcessResource[] {
  return resources.map((resource) => ({
    name: resource.name,
    kind: resource.kind,
    content: resource.content.toString('utf8'),
  }));
}

export function toServiceResources(resources: readonly ProcessResource[]): ServiceResource[] {
  return resources.map((resource) => ({
    name: resource.name,
    kind: resource.kind,
    content: Buffer.from(resource.content, 'utf8'),
  }));
}

/** Resources as stored in a jsonb column (PGlite answers text, PostgreSQL parsed JSON). */
export function readResources(value: unknown): ProcessResource[] {
  const parsed = typeof value === 'string' ? (JSON.parse(value) as unknown) : value;
  return Array.isArray(parsed) ? (parsed as ProcessResource[]) : [];
}
