import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { executeCodegen } from '@graphql-codegen/cli';

import { codegenConfig } from '../../codegen';

const REPO_ROOT = join(__dirname, '..', '..', '..', '..');

/** The preset's blanket eslint header is narrowed after writing (scripts/tidy-generated.mjs). */
const withoutLintHeader = (text: string) => text.replace(/^\/\* eslint-disable[^\n]*\*\/\n/, '');

describe('apps/web/src/gql (types generated from schema.graphql and the documents)', () => {
  it('is what `npm run codegen` generates now', async () => {
    const outputs = await executeCodegen({ ...codegenConfig, cwd: REPO_ROOT, silent: true, hooks: {} });
    expect(outputs.length).toBeGreaterThan(0);
    for (const output of outputs) {
      const checkedIn = readFileSync(join(REPO_ROOT, output.filename), 'utf8');
      expect({ file: output.filename, content: withoutLintHeader(checkedIn) }).toEqual({ file: output.filename, content: withoutLintHeader(output.content) });
    }
  }, 60_000);
});
