import { Agent, request } from 'node:http';

import { SignJWT } from 'jose';

/** Keep-alive agent for the benchmarks' own GraphQL calls (setup and triggers). */
export const keepAliveAgent = new Agent({ keepAlive: true, maxSockets: 512 });

export interface GraphQLResponse<T> {
  readonly data?: T;
  readonly errors?: readonly { message: string; extensions?: Record<string, unknown> }[];
}

/** One POST of `{ query, variables }`; resolves with the parsed body (never throws on GraphQL errors). */
export function postGraphQL<T>(url: string, query: string, variables: Record<string, unknown>, token: string | null): Promise<GraphQLResponse<T>> {
  const body = JSON.stringify({ query, variables });
  return new Promise((done, fail) => {
    const req = request(
      url,
      {
        method: 'POST',
        agent: keepAliveAgent,
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          try {
            done(JSON.parse(Buffer.concat(chunks).toString('utf8')) as GraphQLResponse<T>);
          } catch (error) {
            fail(error);
          }
        });
        res.on('error', fail);
      },
    );
    req.on('error', fail);
    req.end(body);
  });
}

/** Like postGraphQL, but a response with errors or without data is an exception. */
export async function graphQL<T>(url: string, query: string, variables: Record<string, unknown>, token: string | null): Promise<T> {
  const response = await postGraphQL<T>(url, query, variables, token);
  if (response.errors?.length || !response.data) {
    throw new Error(`GraphQL request failed: ${JSON.stringify(response.errors ?? response).slice(0, 500)}`);
  }
  return response.data;
}

/** An HS256 bearer token as the API's authenticator expects it (`sub` = profile id, `name`). */
export function signToken(secret: string, profileId: string, name: string): Promise<string> {
  return new SignJWT({ name, roles: [] })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(profileId)
    .setIssuedAt()
    .setExpirationTime('2h')
    .sign(new TextEncoder().encode(secret));
}

/** Runs `task` over `items` with at most `concurrency` in flight. */
export async function forEachLimited<T>(items: readonly T[], concurrency: number, task: (item: T, index: number) => Promise<void>): Promise<void> {
  let next = 0;
  const workers = Array.from({ length: Math.min(concurrency, items.length) }, async () => {
    while (next < items.length) {
      const index = next;
      next += 1;
      await task(items[index] as T, index);
    }
  });
  await Promise.all(workers);
}
