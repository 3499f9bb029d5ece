// The Document JSON schema (schemas/unres-document.schema.json), compiled once
// with Ajv in strict mode, for tests that check parse output against the contract.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { projectRoot } from '../../helpers/gold.js';

export const documentSchema = JSON.parse(
  readFileSync(join(projectRoot, 'schemas', 'unres-document.schema.json'), 'utf8'),
) as Record<string, unknown>;

const ajv = new Ajv2020({ strict: true, allowUnionTypes: true, allErrors: true });
const validate = ajv.compile(documentSchema);

/** Schema violations of `value`, as "path: message" lines; [] when it validates. */
export function schemaErrors(value: unknown): string[] {
  // Validate the JSON the CLI would print, not the in-memory object.
  const json: unknown = JSON.parse(JSON.stringify(value));
  if (validate(json)) return [];
  return (validate.errors ?? []).map((e) => `${e.instancePath || '/'}: ${e.message ?? e.keyword}`);
}
