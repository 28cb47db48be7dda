import type { ApiClient, ConnectionState } from '../src/api/graphql-client';

/** Resolves once `client` reports `wanted`; rejects after 10 s naming the state it stayed in. */
export function waitForConnectionState(client: ApiClient, wanted: ConnectionState): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`state stayed ${client.connectionState()}, wanted ${wanted}`)), 10_000);
    const check = () => {
      if (client.connectionState() !== wanted) return;
      clearTimeout(timer);
      stop();
      resolve();
    };
    const stop = client.onConnectionStateChange(check);
    check();
  });
}
