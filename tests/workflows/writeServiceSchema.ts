/** Writes workflows/service.schema.json from the zod schema: npx tsx tests/workflows/writeServiceSchema.ts */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { format, resolveConfig } from 'prettier';
import { manifestJsonSchema } from './serviceManifest';

const target = fileURLToPath(new URL('../../workflows/service.schema.json', import.meta.url));
const options = await resolveConfig(target);
writeFileSync(
  target,
  await format(JSON.stringify(manifestJsonSchema()), { ...options, filepath: target }),
);
console.log(`wrote ${target}`);
