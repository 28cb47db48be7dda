// Issue 14, section 5: budgets that count work, for every operation. One signed-in socket sent
// 3,000 subscribe/complete pairs in 6 s (about 5 s of API CPU) and nothing was refused; no query
// had a rate budget at all; and unique documents repeating one field 266 times took up to 0.8 s
// each in graphql's overlapping-fields check (quadratic), pushing /healthz to 0.85 s. Every
// operation now draws its price from one budget per viewer (per address when anonymous), and
// documents whose validation would be quadratic are refused before graphql's `validate` runs.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { parse } from 'graphql';
import { WebSocket } from 'ws';

import { codeOf, wsExecute } from '../support/graphql-helpers';
import { tokenFor } from '../support/test-api';
import { createLiveRoom, settle, useHardeningApi } from './support/hardening';

const REDIS_URL = process.env['REDIS_URL'] ?? '';

/** A labelled counter's values, by label value, as /metrics serves them. */
async function counter(url: string, name: string): Promise<Record<string, number>> {
  const text = await (await fetch(url.replace(/\/graphql$/, '/metrics'))).text();
  const counts: Record<string, number> = {};
  for (const match of text.matchAll(new RegExp(`^${name}\\{[a-z]+="([a-z-]+)"\\} (\\d+)$`, 'gm'))) counts[match[1] as string] = Number(match[2]);
  return counts;
}

/** The document-work counters, by step. */
const documentWork = (url: string) => counter(url, 'roundtable_graphql_document_work_total');

/** A raw graphql-transport-ws socket, signed in: sends frames as fast as the client can write them. */
async function rawSocket(wsUrl: string, token: string) {
  const socket = new WebSocket(wsUrl, 'graphql-transport-ws');
  const messages: { id?: string; type: string; payload?: unknown }[] = [];
  let closeCode: number | undefined;
  socket.on('message', (data) => messages.push(JSON.parse(String(data)) as (typeof messages)[number]));
  socket.on('close', (code) => (closeCode = code));
  await new Promise((resolve, reject) => socket.once('open', resolve).once('error', reject));
  socket.send(JSON.stringify({ type: 'connection_init', payload: { authorization: `Bearer ${token}` } }));
  await settle(async () => messages.some((message) => message.type === 'connection_ack'), true);
  return { socket, messages, closeCode: () => closeCode };
}

describe('kind: work no budget counts', () => {
  // 1,000 points per minute: a subscribe operation costs 100, so 9 fit after the first one pays
  // for its document (a few points) and the rest are refused, whatever the timing.
  const { api, errorLines } = useHardeningApi({
    ...(REDIS_URL ? { REDIS_URL } : {}),
    RATE_LIMIT_OPERATION_POINTS: '1000',
    RATE_LIMIT_SUBSCRIBE_PRICE: '100',
    RATE_LIMIT_RESERVE_POINTS: '200',
    RATE_LIMIT_WINDOW_MS: '60000',
  });

  beforeAll(async () => {
    await api.clear();
  });

  it('the issue case: a flood of subscribe/complete pairs on one socket is refused with RATE_LIMITED past the budget, and the socket stays open', async () => {
    const host = await tokenFor('budget-host');
    const roomId = await createLiveRoom(api, host);
    const viewer = await tokenFor('budget-flooder');
    const { socket, messages, closeCode } = await rawSocket(api.wsUrl, viewer);
    const query = `subscription($roomId: ID!) { roomEvents(roomId: $roomId) { __typename } }`;
    const refusedBefore = (await counter(api.url, 'roundtable_rate_limited_total'))['ws'] ?? 0;
    const pairs = 30;
    for (let i = 0; i < pairs; i += 1) {
      socket.send(JSON.stringify({ id: `s${i}`, type: 'subscribe', payload: { query, variables: { roomId } } }));
      socket.send(JSON.stringify({ id: `s${i}`, type: 'complete' }));
    }
    // graphql-ws drops the answers of operations the client completed, so refusals are counted
    // by the server: the document's 100 points and 9 subscribes of 100 fit in 1,000; 21 of 30
    // are refused.
    const refusedSince = async () => ((await counter(api.url, 'roundtable_rate_limited_total'))['ws'] ?? 0) - refusedBefore;
    expect(await settle(refusedSince, pairs - 9)).toBe(pairs - 9);
    // A query on the same socket after the flood: answered (RATE_LIMITED: the budget is spent), not closed.
    socket.send(JSON.stringify({ id: 'after', type: 'subscribe', payload: { query: '{ viewer { id } }' } }));
    await settle(async () => messages.some((message) => message.id === 'after'), true);
    const after = messages.find((message) => message.id === 'after');
    expect(after?.type).toBe('error');
    expect((after?.payload as { extensions?: { code?: string; retryAfterSeconds?: number } }[])[0]?.extensions).toMatchObject({
      code: 'RATE_LIMITED',
      retryAfterSeconds: expect.any(Number),
    });
    expect(await refusedSince()).toBe(pairs - 9 + 1);
    expect(closeCode()).toBeUndefined();
    expect(socket.readyState).toBe(WebSocket.OPEN);
    socket.close();
    // Another viewer has a budget of their own.
    const client = api.wsClient(await tokenFor('budget-other'));
    expect((await wsExecute(client, '{ viewer { id } }')).errors).toBeUndefined();
    await client.dispose();
  });

  it('variant: queries are budgeted by their cost over HTTP, answering 429 with Retry-After once the points are spent', async () => {
    const viewer = await tokenFor('budget-reader');
    // rooms(first: 100) costs a few hundred points: a handful fit in 1,000.
    const query = `{ rooms(first: 100) { edges { node { id title } } } }`;
    const outcomes: (string | undefined)[] = [];
    let retryAfter: string | null = null;
    for (let i = 0; i < 12; i += 1) {
      const response = await fetch(api.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${viewer}` },
        body: JSON.stringify({ query }),
      });
      const body = (await response.json()) as { errors?: { extensions?: { code?: string } }[] };
      outcomes.push(body.errors?.[0]?.extensions?.code);
      if (response.status === 429) retryAfter = response.headers.get('retry-after');
    }
    const accepted = outcomes.filter((code) => code === undefined).length;
    expect(accepted).toBeGreaterThan(0);
    expect(accepted).toBeLessThan(12);
    // Refused from the first refusal on: a spent budget stays spent for the window.
    expect(outcomes.slice(accepted)).toEqual(Array(12 - accepted).fill('RATE_LIMITED'));
    expect(Number(retryAfter)).toBeGreaterThanOrEqual(1);
  });

  it('variant: anonymous queries are budgeted per address', async () => {
    const query = `{ rooms(first: 100) { edges { node { id } } } }`;
    const codes: (string | undefined)[] = [];
    for (let i = 0; i < 12; i += 1) codes.push(codeOf(await api.request(query, {}, null)));
    expect(codes).toContain('RATE_LIMITED');
  });

  it('no refusal here wrote an error-level log line', () => {
    expect(errorLines()).toEqual([]);
  });
});

describe('kind: work no budget counts — documents', () => {
  // 1,000 points; a 3 KB document not seen before costs 3 × 100 before it is read.
  const { api, errorLines } = useHardeningApi({
    ...(REDIS_URL ? { REDIS_URL } : {}),
    RATE_LIMIT_OPERATION_POINTS: '1000',
    RATE_LIMIT_DOCUMENT_POINTS_PER_KB: '100',
    RATE_LIMIT_RESERVE_POINTS: '100',
  });

  it('variant: unique anonymous documents are paid for by their address before they are parsed; past the budget none is parsed', async () => {
    const before = await documentWork(api.url);
    const codes: (string | undefined)[] = [];
    for (let i = 0; i < 10; i += 1) {
      // Unique (the operation name), 2–3 KB with the padding comment: 300 points each.
      const response = await api.request(`query Unique${i} { rooms(first: 1) { edges { node { id } } } } # ${'x'.repeat(2500)}`, {}, null);
      codes.push(codeOf(response));
    }
    const after = await documentWork(api.url);
    const admitted = codes.filter((code) => code !== 'RATE_LIMITED').length;
    // 300 points per document (anonymous, these queries are then refused UNAUTHENTICATED): at
    // most 3 fit in 1,000, and from the first refusal on every one is refused.
    expect(admitted).toBeGreaterThanOrEqual(1);
    expect(admitted).toBeLessThanOrEqual(3);
    expect(codes.slice(admitted)).toEqual(Array(10 - admitted).fill('RATE_LIMITED'));
    // Only the documents that were paid for were parsed.
    expect((after['parse'] ?? 0) - (before['parse'] ?? 0)).toBe(admitted);
    expect(errorLines()).toEqual([]);
  });
});

describe('kind: quadratic validation', () => {
  const { api, errorLines } = useHardeningApi({ QUERY_MAX_TOKENS: '20000', QUERY_MAX_ALIASES: '1000' });
  const viewerField = 'viewer { interests { slug } } ';
  const cases: [string, string][] = [
    ['the issue case: `viewer { interests { slug } }` 266 times', `{ ${viewerField.repeat(266)}}`],
    ['variant: one field under one alias 200 times', `{ ${'me: viewer { id } '.repeat(200)}}`],
    ['variant: the same field from 100 fragments', `{ ${Array.from({ length: 100 }, (_v, i) => `...F${i}`).join(' ')} } ${Array.from({ length: 100 }, (_v, i) => `fragment F${i} on Query { viewer { id } }`).join(' ')}`],
  ];

  it.each(cases)('%s is refused with BAD_USER_INPUT over HTTP before graphql validates it', async (_name, query) => {
    const before = await documentWork(api.url);
    const response = await api.request(query, {}, null);
    expect(response.status).toBe(400);
    expect(codeOf(response)).toBe('BAD_USER_INPUT');
    expect(response.errors?.[0]?.extensions?.['reason']).toBe('TOO_MANY_FIELDS_TO_MERGE');
    expect(response.errors?.[0]?.message).toMatch(/select each field once/);
    const after = await documentWork(api.url);
    // Parsed once; never validated, by Apollo or by admission.
    expect((after['parse'] ?? 0) - (before['parse'] ?? 0)).toBe(1);
    expect(after['apollo-validate'] ?? 0).toBe(before['apollo-validate'] ?? 0);
    expect(after['validate'] ?? 0).toBe(before['validate'] ?? 0);
  });

  it.each(cases)('%s is refused with BAD_USER_INPUT over WebSocket too, and the socket stays open', async (name, query) => {
    const before = await documentWork(api.url);
    const client = api.wsClient(await tokenFor('quadratic-ws'));
    const response = await wsExecute(client, `${query} `);
    expect(response.closeCode).toBeUndefined();
    expect(codeOf(response)).toBe('BAD_USER_INPUT');
    // A document of its own per case (the comment), so its validation is counted here.
    expect((await wsExecute(client, `{ viewer { id } } # ${name}`)).errors).toBeUndefined();
    await client.dispose();
    const after = await documentWork(api.url);
    expect((after['validate'] ?? 0) - (before['validate'] ?? 0)).toBe(1); // the second, legitimate query only
  });

  it("legitimate large documents are accepted: every operation of the web client (apps/web/src/api/operations.ts)", () => {
    const source = readFileSync(join(__dirname, '../../../web/src/api/operations.ts'), 'utf8');
    const document = parse([...source.matchAll(/graphql\(`([\s\S]*?)`\)/g)].map((match) => match[1]).join('\n'));
    const fragments = document.definitions.filter((definition) => definition.kind === 'FragmentDefinition');
    const operations = document.definitions.filter((definition) => definition.kind === 'OperationDefinition');
    expect(operations.length).toBeGreaterThan(20);
    const admission = api.api.server.admission;
    for (const operation of operations) {
      const text = [operation, ...fragments].map((definition) => printDefinition(definition)).join('\n');
      const checked = admission.parseRequest({ query: text });
      expect('errors' in checked ? checked.errors.map((error) => error.message) : []).toEqual([]);
    }
  });

  it('no refusal here wrote an error-level log line', () => {
    expect(errorLines()).toEqual([]);
  });
});

function printDefinition(definition: { loc?: { source: { body: string }; start: number; end: number } }): string {
  if (!definition.loc) throw new Error('parsed without locations');
  return definition.loc.source.body.slice(definition.loc.start, definition.loc.end);
}
