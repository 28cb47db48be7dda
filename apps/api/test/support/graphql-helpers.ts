import type { Client } from 'graphql-ws';

import type { GraphQLResponse, TestApi } from './test-api';

/** What the operation helpers need of a test API. */
type Requester = Pick<TestApi, 'request'>;

export type GraphQLErrorBody = NonNullable<GraphQLResponse['errors']>[number];

/** What one operation sent over graphql-ws produced: its result, or the socket's close code. */
export interface WsResponse<T = Record<string, unknown>> {
  readonly data: T | null | undefined;
  readonly errors: readonly GraphQLErrorBody[] | undefined;
  /** Set when the socket closed instead of answering (e.g. 4401 for a missing/invalid token). */
  readonly closeCode: number | undefined;
}

/** The contract code of the first error, if any. */
export function codeOf(response: { readonly errors?: readonly GraphQLErrorBody[] | undefined }): string | undefined {
  const code = response.errors?.[0]?.extensions?.['code'];
  return typeof code === 'string' ? code : undefined;
}

/** Runs an operation and fails the test with the errors when it did not succeed. */
export async function ok<T = Record<string, unknown>>(api: Requester, query: string, variables: Record<string, unknown>, token: string | null): Promise<T> {
  const response = await api.request<T>(query, variables, token);
  if (response.errors) throw new Error(`${query.slice(0, 60)}… failed: ${JSON.stringify(response.errors)}`);
  return response.data as T;
}

/** Runs an operation expected to fail, and returns its response (for the code and message). */
export async function refused(api: Requester, query: string, variables: Record<string, unknown>, token: string | null): Promise<GraphQLResponse> {
  const response = await api.request(query, variables, token);
  expect(response.errors).toBeDefined();
  return response;
}

/**
 * `ok` bound to one API, for suites that call `ok(query, variables, token)`: pass the API, or a
 * getter when the suite starts its API in `beforeAll`.
 */
export function okOn(api: Requester | (() => Requester)) {
  return <T = Record<string, unknown>>(query: string, variables: Record<string, unknown>, token: string | null): Promise<T> =>
    ok<T>(typeof api === 'function' ? api() : api, query, variables, token);
}

/** A response is either a success or one of the given contract codes: never a masked 500. */
export function outcomeOf(response: GraphQLResponse, allowed: readonly string[]): string {
  if (!response.errors) return 'ok';
  const code = codeOf(response);
  if (code === undefined || !allowed.includes(code)) {
    throw new Error(`expected success or one of [${allowed.join(', ')}], got ${JSON.stringify(response.errors)}`);
  }
  return code;
}

/**
 * Runs one operation over HTTP that must succeed, and returns its data and the SQL statements
 * traced to its X-Request-Id: statements that work other requests left running (media sync,
 * deliveries) issued meanwhile never count.
 */
export async function tracedStatements<T = Record<string, unknown>>(
  api: Pick<TestApi, 'request' | 'api'>,
  query: string,
  variables: Record<string, unknown>,
  token: string | null,
): Promise<{ data: T; statements: string[] }> {
  const traced: { sql: string; requestId: string | null }[] = [];
  const stop = api.api.db.onQuery((sql, requestId) => traced.push({ sql, requestId }));
  try {
    const response = await api.request<T>(query, variables, token);
    expect(response.errors).toBeUndefined();
    expect(response.requestId).toMatch(/^[0-9a-f-]{36}$/);
    return { data: response.data as T, statements: traced.filter((s) => s.requestId === response.requestId).map((s) => s.sql) };
  } finally {
    stop();
  }
}

/**
 * Runs one query or mutation over a graphql-ws client and resolves with its single result.
 * Errors that graphql-ws reports through the sink's `error` (refused in onSubscribe, or a closed
 * socket) are normalised into the same shape.
 */
export function wsExecute<T = Record<string, unknown>>(
  client: Client,
  query: string,
  variables: Record<string, unknown> = {},
  timeoutMs = 10_000,
): Promise<WsResponse<T>> {
  return new Promise((resolve, reject) => {
    let last: { data?: T | null; errors?: readonly GraphQLErrorBody[] } = {};
    const timer = setTimeout(() => reject(new Error(`no graphql-ws answer within ${timeoutMs} ms to ${query}`)), timeoutMs);
    const settle = (response: WsResponse<T>) => {
      clearTimeout(timer);
      resolve(response);
    };
    client.subscribe<T>(
      { query, variables },
      {
        next: (value) => {
          last = value as typeof last;
        },
        error: (error: unknown) => {
          if (Array.isArray(error)) settle({ data: undefined, errors: error as GraphQLErrorBody[], closeCode: undefined });
          else if (error && typeof error === 'object' && 'code' in error) {
            settle({ data: undefined, errors: undefined, closeCode: Number((error as { code: unknown }).code) });
          } else settle({ data: undefined, errors: [{ message: String(error) }], closeCode: undefined });
        },
        complete: () => settle({ data: last.data, errors: last.errors, closeCode: undefined }),
      },
    );
  });
}

/** Every text a client could read in an error: nothing in it may look like SQL or a stack trace. */
export function expectNoLeaks(errors: unknown): void {
  const text = JSON.stringify(errors ?? null);
  expect(text).not.toMatch(/\bselect\b.*\bfrom\b|\binsert into\b|\bupdate\b \S+ \bset\b|\bdelete from\b|\bwhere\b .*=|pg_|sqlstate|violates|relation "/i);
  expect(text).not.toMatch(/stacktrace|\bat (?:async )?\S+ \(|\.[cm]?[jt]s:\d+:\d+|node_modules/i);
}

/** One SQL query on the test database, outside any request (for setting up and checking state). */
export async function sql<T = Record<string, unknown>>(api: TestApi, query: string, params: unknown[] = []): Promise<T[]> {
  return api.api.db.orm.em.fork().getConnection().execute<T[]>(query, params);
}

/** The room's event log as stored: versions and types in version order. */
export async function storedEvents(
  api: TestApi,
  roomId: string,
): Promise<{ version: number; type: string; payload: Record<string, unknown> }[]> {
  // The domain event inside the stored envelope (`{ schema, event, participantId, actorId }`).
  return sql(api, `select version, type, payload->'event' as payload from room_events where room_id = ? order by version`, [roomId]);
}

/** Asserts the stored versions are exactly 1..n and the room's stream row carries n; returns n. */
export async function expectConsecutiveVersions(api: TestApi, roomId: string): Promise<number> {
  const events = await storedEvents(api, roomId);
  expect(events.map((event) => event.version)).toEqual(events.map((_event, index) => index + 1));
  for (const event of events) {
    expect(event.payload).toMatchObject({ version: event.version, previousVersion: event.version - 1 });
  }
  const [stream] = await sql<{ version: number }>(api, `select version from room_streams where room_id = ?`, [roomId]);
  expect(stream?.version).toBe(events.length);
  return events.length;
}

/** Active participants of a room by profile id, straight from the table. */
export async function activeParticipants(api: TestApi, roomId: string): Promise<Map<string, { role: string }>> {
  const rows = await sql<{ profile_id: string; role: string }>(
    api,
    `select profile_id, role from participants where room_id = ? and left_at is null`,
    [roomId],
  );
  return new Map(rows.map((row) => [row.profile_id, { role: row.role }]));
}
