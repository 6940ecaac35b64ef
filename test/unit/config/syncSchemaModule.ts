// Copies schemas/runbook-config.schema.json (the canonical schema) into
// src/core/config/schema.ts, the module the code loads it from (src/tsconfig's rootDir cannot
// reach schemas/). After editing the schema:
//   npx tsc -p test && node out/test/unit/config/syncSchemaModule.js
// schema.test.ts fails while the two differ.
import { readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { REPO_ROOT } from '../../repoPaths';

export const SCHEMA_FILE = path.join(REPO_ROOT, 'schemas', 'runbook-config.schema.json');
export const SCHEMA_MODULE_FILE = path.join(REPO_ROOT, 'src', 'core', 'config', 'schema.ts');

/** The text of src/core/config/schema.ts for a schema. */
export function renderSchemaModule(schema: unknown): string {
  return [
    '// Generated from schemas/runbook-config.schema.json by test/unit/config/syncSchemaModule.ts: do not edit.',
    '// Regenerate: npx tsc -p test && node out/test/unit/config/syncSchemaModule.js',
    '',
    '/** The JSON Schema (draft-07) of a runbook config: front matter and `<name>.deploy-pilot.yaml`. */',
    `export const runbookConfigSchema = ${JSON.stringify(schema, null, 2)} as const;`,
    '',
    "/** The schema's `$id`. */",
    'export const RUNBOOK_CONFIG_SCHEMA_ID = runbookConfigSchema.$id;',
    '',
  ].join('\n');
}

export function readSchemaFile(): unknown {
  return JSON.parse(readFileSync(SCHEMA_FILE, 'utf8'));
}

if (require.main === module) {
  writeFileSync(SCHEMA_MODULE_FILE, renderSchemaModule(readSchemaFile()));
  console.log(`wrote ${SCHEMA_MODULE_FILE}`);
}
