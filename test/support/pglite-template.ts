import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A migrated PGlite data directory, dumped once per run by the global setup and loaded by each test file. */
export function pgliteTemplatePath(): string {
  return join(tmpdir(), `chronicle-test-${process.env.CHRONICLE_TEST_RUN ?? 'default'}-pglite.tar`);
}
