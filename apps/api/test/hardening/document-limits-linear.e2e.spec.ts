// Issue 6, fault 1: checks that grow faster than the document. A 1.7 KB query whose fragments
// double at each of 23 levels took 12 s of CPU in the depth check and blocked /healthz. Every
// check must be linear in the document: the expanded-size guard visits each fragment once and
// refuses before any check that follows fragments (graphql-query-complexity is not memoised).
import { parse } from 'graphql';

import { expandedSelectionSize } from '../../src/admission/document-limits';
import { codeOf, wsExecute } from '../support/graphql-helpers';
import { tokenFor } from '../support/test-api';
import { doublingFragments, useHardeningApi } from './support/hardening';

describe('document limits are linear in the document', () => {
  const { api, errorLines } = useHardeningApi();
  let token: string;

  beforeAll(async () => {
    await api.clear();
    token = await tokenFor('linear-viewer');
  });

  it('the issue document (F_i spreads F_{i+1} twice, 23 levels) is measured in a number of visits linear in its size', () => {
    const document = parse(doublingFragments(23));
    const counter = { visits: 0 };
    const size = expandedSelectionSize(document, 2000, counter);
    expect(size).toBe(2001); // saturated: over the cap of 2000
    // 1 spread in the operation + 4 selections in each of 23 fragments + 1 in the last: each
    // fragment's selections are visited once, never 2^23 times.
    expect(counter.visits).toBeLessThanOrEqual(1 + 23 * 4 + 1);
  });

  it('variant: three spreads per level with the doubling hidden in fields, 15 levels, stays linear', () => {
    const text = doublingFragments(15, 3).replace(/\.\.\. on Query \{ (\.\.\.F\d+) \}/g, 'a: __typename $1');
    const counter = { visits: 0 };
    expect(expandedSelectionSize(parse(text), 1_000_000, counter)).toBe(1_000_001);
    expect(counter.visits).toBeLessThanOrEqual(1 + 15 * 6 + 4);
  });

  it('the exact size of a document without fragments is its number of fields', () => {
    const counter = { visits: 0 };
    expect(expandedSelectionSize(parse('{ a { b c { d } } e }'), 100, counter)).toBe(5);
    expect(counter.visits).toBe(5);
  });

  it.each([
    ['the issue document', doublingFragments(23)],
    ['a 40-level variant', doublingFragments(40)],
  ])('%s is refused with BAD_USER_INPUT over HTTP and WebSocket, and /healthz answers meanwhile', async (_name, query) => {
    const [overHttp, health] = await Promise.all([api.request(query, {}, token), fetch(api.url.replace(/\/graphql$/, '/healthz'))]);
    expect(health.status).toBe(200);
    expect(overHttp.status).toBe(400);
    expect(codeOf(overHttp)).toBe('BAD_USER_INPUT');
    expect(overHttp.errors?.[0]?.extensions?.['reason']).toBe('QUERY_TOO_LARGE');

    const client = api.wsClient(token);
    const overWs = await wsExecute(client, query);
    expect(overWs.closeCode).toBeUndefined();
    expect(codeOf(overWs)).toBe('BAD_USER_INPUT');
    await client.dispose();
    expect(errorLines()).toEqual([]);
  });

  it('variant: 600 levels of nested selections are refused before any recursive check (validation, depth) sees them', async () => {
    const query = `${'{ topics '.repeat(600)}{ slug }${' }'.repeat(600)}`;
    const response = await api.request(query, {}, token);
    expect(response.status).toBe(400);
    expect(response.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'QUERY_TOO_LARGE' });
    expect(errorLines()).toEqual([]);
  });

  it('depth, aliases, directives and tokens are bounded by graphql-armor rules on both transports', async () => {
    const cases: [string, string, RegExp][] = [
      ['aliases', `{ ${Array.from({ length: 31 }, (_v, i) => `a${i}: topics { slug }`).join(' ')} }`, /Alias count \d+ exceeds the limit of 30/],
      ['directives', `{ __typename ${'@include(if: true) '.repeat(21)} }`, /Directive count \d+ exceeds the limit of 20/],
      ['tokens', `{ ${'__typename '.repeat(2100)} }`, /more than 2000 tokens/],
    ];
    for (const [name, query, message] of cases) {
      const overHttp = await api.request(query, {}, token);
      expect({ name, status: overHttp.status }).toEqual({ name, status: 400 });
      expect(overHttp.errors?.[0]).toMatchObject({ message: expect.stringMatching(message), extensions: { code: 'BAD_USER_INPUT' } });
      const client = api.wsClient(token);
      const overWs = await wsExecute(client, query);
      expect(overWs.errors?.[0]).toMatchObject({ message: expect.stringMatching(message), extensions: { code: 'BAD_USER_INPUT' } });
      await client.dispose();
    }
  });

  it('validation errors carry no "Did you mean" schema hints', async () => {
    const response = await api.request(`{ roms { id } rooms(frist: 2) { edges { node { id } } } }`, {}, token);
    expect(codeOf(response)).toBe('BAD_USER_INPUT');
    expect(JSON.stringify(response.errors)).not.toMatch(/Did you mean/);
    expect(response.errors?.length).toBeGreaterThanOrEqual(2);
  });
});
