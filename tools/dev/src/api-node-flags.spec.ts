import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { API_NODE_FLAGS } from '@roundtable/config';

// `npm start` passes API_NODE_FLAGS itself (start.ts); the npm script and the README's production
// command spell them out, so they must not drift from the one list.
const root = join(__dirname, '..', '..', '..');

describe('the API runs with API_NODE_FLAGS wherever it is started', () => {
  it('npm run start:api passes every flag before the entry', () => {
    const scripts = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;
    expect(scripts['start:api']).toContain(`node ${API_NODE_FLAGS.join(' ')} dist/apps/api/main.js`);
  });

  it("the README's production command is the same", () => {
    expect(readFileSync(join(root, 'README.md'), 'utf8')).toContain(`\`node ${API_NODE_FLAGS.join(' ')} dist/apps/api/main.js\``);
  });

  it('the flags are ones Node accepts (a typo would stop the API from starting)', () => {
    for (const flag of API_NODE_FLAGS) expect(process.allowedNodeEnvironmentFlags.has(flag.split('=')[0]!)).toBe(true);
  });
});
