import { type Client, createClient } from 'graphql-ws';

import { ApiError, errorFromSubscription, type GraphQLErrorPayload } from './api-error';

export const GRAPHQL_PATH = '/graphql';

/** POST /graphql on the page's own origin (the API serves this client). */
export async function request<T>(query: string, variables: Record<string, unknown>, token: string | null): Promise<T> {
  let response: Response;
  try {
    response = await fetch(GRAPHQL_PATH, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
  } catch (error) {
    throw ApiError.network(error instanceof Error ? error.message : 'fetch failed');
  }
  let body: { data?: T | null; errors?: GraphQLErrorPayload[] };
  try {
    body = (await response.json()) as typeof body;
  } catch {
    throw ApiError.network(`HTTP ${response.status} without a GraphQL body`);
  }
  if (body.errors && body.errors.length > 0) throw ApiError.fromGraphQLErrors(body.errors);
  if (body.data === undefined || body.data === null) throw ApiError.network(`HTTP ${response.status} without data`);
  return body.data;
}

/** ws(s)://<this host>/graphql, the token in connectionParams.authorization. */
export function createLiveClient(token: string): Client {
  const protocol = window.location.protocol === 'https:' ? 'wss:' : 'ws:';
  return createClient({
    url: `${protocol}//${window.location.host}${GRAPHQL_PATH}`,
    connectionParams: { authorization: `Bearer ${token}` },
    lazy: true,
    retryAttempts: 5,
    // 4401 means the token is bad: retrying cannot help.
    shouldRetry: (closeEvent) => !(typeof closeEvent === 'object' && closeEvent !== null && 'code' in closeEvent && closeEvent.code === 4401),
  });
}

export interface Subscription {
  dispose(): void;
}

/** Subscribes to one operation; `onError` receives a readable ApiError. */
export function subscribe<T>(
  client: Client,
  query: string,
  variables: Record<string, unknown>,
  handlers: { next(data: T): void; error(error: ApiError): void; complete(): void },
): Subscription {
  const dispose = client.subscribe<T>(
    { query, variables },
    {
      next: (result) => {
        if (result.errors && result.errors.length > 0) handlers.error(ApiError.fromGraphQLErrors(result.errors));
        else if (result.data) handlers.next(result.data);
      },
      error: (failure) => handlers.error(errorFromSubscription(failure)),
      complete: () => handlers.complete(),
    },
  );
  return { dispose };
}
