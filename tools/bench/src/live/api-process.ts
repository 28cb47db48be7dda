import { randomBytes } from 'node:crypto';

import { API_NODE_FLAGS } from '@roundtable/config';

import { graphQL, signToken } from './graphql-http';
import { LOOPBACK, freePort, type StartedChild, startNodeChild, waitForHttp } from './process-tools';

/**
 * The API as a black box: `dist/apps/api/main.js` in a child process on loopback, driven only
 * through GraphQL over HTTP and graphql-ws, so the harness keeps working while the delivery path
 * inside changes.
 */
export interface ApiProcess extends StartedChild {
  readonly httpUrl: string;
  readonly wsUrl: string;
  readonly jwtSecret: string;
}

export interface ApiProcessOptions {
  readonly name: string;
  readonly databaseUrl: string;
  /** Empty: in-process pub/sub. */
  readonly redisUrl: string;
  readonly jwtSecret: string;
  readonly cpu: number | null;
  readonly fdLimit: number | null;
  readonly logDir: string;
  /** More environment for the API (wins over the defaults here). */
  readonly env?: Readonly<Record<string, string>>;
}

export function newJwtSecret(): string {
  return randomBytes(32).toString('hex');
}

export async function startApiProcess(options: ApiProcessOptions): Promise<ApiProcess> {
  const port = await freePort();
  const child = startNodeChild({
    name: options.name,
    entry: 'dist/apps/api/main.js',
    nodeFlags: API_NODE_FLAGS,
    cpu: options.cpu,
    fdLimit: options.fdLimit,
    logDir: options.logDir,
    env: {
      DATABASE_URL: options.databaseUrl,
      REDIS_URL: options.redisUrl,
      PORT: String(port),
      HOST: LOOPBACK,
      AUTH_JWT_SECRET: options.jwtSecret,
      SEED_DEMO_DATA: 'false',
      LOG_LEVEL: 'warn',
      // One bench viewer raises and lowers a hand many times; the limiter is not what is measured.
      RATE_LIMIT_MUTATIONS: '1000000',
      // The work budget runs on every operation (its cost is measured) but is not reached.
      RATE_LIMIT_OPERATION_POINTS: '100000000',
      RATE_LIMIT_ANONYMOUS_OPERATION_POINTS: '100000000',
      // Every load-generator socket comes from 127.0.0.1 and may wait to sign in behind thousands of
      // others on a saturated machine; the per-address budget of those is not what is measured.
      WS_MAX_PENDING_SOCKETS_PER_ADDRESS: '100000',
      // No LiveKit runs here: keep the periodic reconciliation from trying it during a run.
      LIVEKIT_RECONCILE_MS: '3600000',
      ...options.env,
    },
  });
  const base = `http://${LOOPBACK}:${port}`;
  try {
    await waitForHttp(`${base}/readyz`, child);
  } catch (error) {
    await child.stop();
    throw error;
  }
  return { ...child, httpUrl: `${base}/graphql`, wsUrl: `ws://${LOOPBACK}:${port}/graphql`, jwtSecret: options.jwtSecret };
}

/** A bench viewer: profile id, name and bearer token. */
export interface BenchViewer {
  readonly id: string;
  readonly name: string;
  readonly token: string;
}

export async function benchViewer(secret: string, id: string, name: string): Promise<BenchViewer> {
  return { id, name, token: await signToken(secret, id, name) };
}

/** Creates a PUBLIC room that goes LIVE at once, hosted by `host`; returns its id. */
export async function createLiveRoom(api: ApiProcess, host: BenchViewer, title: string): Promise<string> {
  const data = await graphQL<{ createRoom: { id: string; status: string } }>(
    api.httpUrl,
    `mutation($input: CreateRoomInput!) { createRoom(input: $input) { id status } }`,
    { input: { title, topics: [], visibility: 'PUBLIC', maxSpeakers: 10 } },
    host.token,
  );
  if (data.createRoom.status !== 'LIVE') throw new Error(`the bench room is ${data.createRoom.status}, not LIVE`);
  return data.createRoom.id;
}

export const JOIN_ROOM = `mutation($roomId: ID!) { joinRoom(roomId: $roomId) { participant { id role } } }`;

export async function joinRoom(api: ApiProcess, viewer: BenchViewer, roomId: string): Promise<void> {
  await graphQL(api.httpUrl, JOIN_ROOM, { roomId }, viewer.token);
}

/** Joins `speaker`, has the host invite them, and accepts: they end up on the stage. */
export async function bringOnStage(api: ApiProcess, host: BenchViewer, speaker: BenchViewer, roomId: string): Promise<void> {
  await joinRoom(api, speaker, roomId);
  await graphQL(api.httpUrl, `mutation($roomId: ID!, $profileId: ID!) { inviteToStage(roomId: $roomId, profileId: $profileId) { id } }`, { roomId, profileId: speaker.id }, host.token);
  await graphQL(api.httpUrl, `mutation($roomId: ID!) { acceptStageInvite(roomId: $roomId) { id role } }`, { roomId }, speaker.token);
}

/** Signs in once (the API creates the profile on a viewer's first request). */
export async function signIn(api: ApiProcess, viewer: BenchViewer): Promise<void> {
  await graphQL(api.httpUrl, `query { viewer { id } }`, {}, viewer.token);
}
