// Schema validation through xmllint (libxml2-utils). When it is missing the
// validation tests are skipped with a message saying so; .ci/run installs it.

import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { schemaPath } from './seed-documents.js';

export const hasXmllint = spawnSync('xmllint', ['--version']).status === 0;

export const XMLLINT_MISSING =
  'SKIPPED: xmllint not found, so the Akoma Ntoso schema validation did not run; install libxml2-utils (.ci/run does)';

if (!hasXmllint) console.warn(`unres export tests: ${XMLLINT_MISSING}`);

export interface Validation {
  ok: boolean;
  output: string;
}

/** Validates XML text against schemas/akomantoso30.xsd. */
export function validateAkn(xml: string, name = 'document.akn.xml'): Validation {
  const dir = mkdtempSync(join(tmpdir(), 'unres-akn-'));
  try {
    const file = join(dir, name);
    writeFileSync(file, xml);
    const run = spawnSync('xmllint', ['--noout', '--schema', schemaPath, file], { encoding: 'utf8' });
    return { ok: run.status === 0, output: `${run.stdout}${run.stderr}`.trim() };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
