import { chmodSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { ancestorClosedToOthers } from './embedded-postgres';

// Kind: an embedded PostgreSQL under a folder its user cannot enter. Run as root, PostgreSQL runs
// as `postgres`; a data directory under mkdtemp's private (0700) folder failed in initdb with
// "Permission denied" (npm-start-passes-ports.e2e.spec.ts in a plain clone). startEmbeddedPostgres
// now names the folder before it starts anything.
describe('kind: an embedded PostgreSQL under a folder its user cannot enter', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'roundtable-pg-parents-'));
  });
  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('given case: a data directory inside a fresh mkdtemp folder (0700) names that folder', () => {
    expect(ancestorClosedToOthers(join(dir, 'postgres'))).toBe(dir);
  });

  it('variant: a closed folder further up, below parents not created yet, is the one named', () => {
    mkdirSync(join(dir, 'home'));
    chmodSync(dir, 0o755);
    chmodSync(join(dir, 'home'), 0o700);
    expect(ancestorClosedToOthers(join(dir, 'home', 'clone', '.data', 'postgres'))).toBe(join(dir, 'home'));
  });
});
