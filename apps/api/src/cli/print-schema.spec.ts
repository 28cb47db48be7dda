import { readFileSync } from 'node:fs';

import { printServedSchema, SERVED_SCHEMA_PATH } from './print-schema';

describe('apps/web/schema.graphql (the served schema the web client is typed against)', () => {
  it('is what the API serves now (else run `npm run schema:print && npm run codegen`)', async () => {
    const checkedIn = readFileSync(SERVED_SCHEMA_PATH, 'utf8');
    const served = await printServedSchema();
    // toBe on the whole text: Jest prints a line diff that names what changed.
    expect(checkedIn).toBe(served);
  });
});
