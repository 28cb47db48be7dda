import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';

import { buildSchema, parse } from 'graphql';

/** The repository's copy of the public contract. */
const COPY_DIR = resolve(__dirname, '..', '..', '..', '..', 'contract');
/** The published contract, where it sits beside the checkout (absent in a plain clone). */
const SHARED_DIR = resolve(__dirname, '..', '..', '..', '..', '..', 'shared', 'contract');
const CONTRACT_FILES = ['schema.graphql', 'trust-and-safety.graphql'];

describe('the repository copy of the public contract', () => {
  it('holds both contract files, and they build one valid schema together', () => {
    for (const file of CONTRACT_FILES) expect(existsSync(resolve(COPY_DIR, file))).toBe(true);
    const [base, extension] = CONTRACT_FILES.map((file) => readFileSync(resolve(COPY_DIR, file), 'utf8'));
    const schema = buildSchema(`${base}\n${extension}`);
    // The extension's additions are there, so the files are read together, not one replacing the other.
    expect(schema.getQueryType()?.getFields()).toHaveProperty('rooms');
    expect(schema.getType('ModerationNotice')).toBeDefined();
    expect(() => parse(extension ?? '')).not.toThrow();
  });

  const besideCheckout = existsSync(SHARED_DIR);
  if (!besideCheckout) console.info(`contract copy check skipped: ${SHARED_DIR} does not exist beside this checkout`);
  (besideCheckout ? it : it.skip)('matches ../shared/contract byte for byte', () => {
    const published = readdirSync(SHARED_DIR).filter((file) => file.endsWith('.graphql')).sort();
    expect(published).toEqual([...CONTRACT_FILES].sort());
    for (const file of CONTRACT_FILES) {
      const copy = readFileSync(resolve(COPY_DIR, file));
      const original = readFileSync(resolve(SHARED_DIR, file));
      expect({ file, equal: copy.equals(original) }).toEqual({ file, equal: true });
    }
  });
});
