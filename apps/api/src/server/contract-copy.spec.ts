import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';

import { type GraphQLObjectType, parse } from 'graphql';

import { CONTRACT_COPY_DIR, CONTRACT_FILES, contractSchema, hasContractCopy, PUBLISHED_CONTRACT_DIR } from './contract-files';

describe('the repository copy of the public contract', () => {
  it('holds every contract file, and they build one valid schema together', () => {
    expect(hasContractCopy()).toBe(true);
    const schema = contractSchema(CONTRACT_FILES);
    // Each extension's additions are there, so the files are read together, not one replacing another.
    expect(schema.getQueryType()?.getFields()).toHaveProperty('rooms');
    expect(schema.getType('ModerationNotice')).toBeDefined();
    expect(schema.getType('Question')).toBeDefined();
    expect(schema.getType('Notification')).toBeDefined();
    expect(Object.keys((schema.getType('PageInfo') as GraphQLObjectType).getFields()).sort()).toEqual(['endCursor', 'hasNextPage', 'hasPreviousPage', 'startCursor']);
    for (const file of CONTRACT_FILES) expect(() => parse(readFileSync(resolve(CONTRACT_COPY_DIR, file), 'utf8'))).not.toThrow();
  });

  const besideCheckout = existsSync(PUBLISHED_CONTRACT_DIR);
  if (!besideCheckout) console.info(`contract copy check skipped: ${PUBLISHED_CONTRACT_DIR} does not exist beside this checkout`);
  (besideCheckout ? it : it.skip)('matches ../shared/contract byte for byte', () => {
    const published = readdirSync(PUBLISHED_CONTRACT_DIR).filter((file) => file.endsWith('.graphql')).sort();
    expect(published).toEqual([...CONTRACT_FILES].sort());
    for (const file of CONTRACT_FILES) {
      const copy = readFileSync(resolve(CONTRACT_COPY_DIR, file));
      const original = readFileSync(resolve(PUBLISHED_CONTRACT_DIR, file));
      expect({ file, equal: copy.equals(original) }).toEqual({ file, equal: true });
    }
  });
});
