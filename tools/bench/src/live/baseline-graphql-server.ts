import { createServer } from 'node:http';

import {
  GraphQLError,
  GraphQLID,
  GraphQLInt,
  GraphQLList,
  GraphQLNonNull,
  GraphQLObjectType,
  GraphQLSchema,
  GraphQLString,
} from 'graphql';
import { createHandler } from 'graphql-http/lib/use/http';
import { jwtVerify } from 'jose';
import { Pool } from 'pg';

/**
 * The query-throughput baseline: graphql-http + graphql-js over plain `pg`, with a hand-written
 * schema that answers the benchmark's query the way a lean server would — the bearer token
 * verified (HS256, same secret as the API), one SQL statement for the room and its visibility,
 * one for the stage with the profiles joined in, one for the audience page.
 * Usage: DATABASE_URL=… AUTH_JWT_SECRET=… node baseline-graphql-server.js <port>
 */

interface Context {
  readonly viewerId: string;
}
interface RoomRow {
  readonly id: string;
}
interface ParticipantRow {
  readonly id: string;
  readonly at: Date;
  readonly display_name: string;
  readonly headline: string | null;
}

const pool = new Pool({ connectionString: process.env['DATABASE_URL'], max: 10 });
const secret = new TextEncoder().encode(process.env['AUTH_JWT_SECRET'] ?? '');

const Profile = new GraphQLObjectType<ParticipantRow, Context>({
  name: 'Profile',
  fields: {
    displayName: { type: new GraphQLNonNull(GraphQLString), resolve: (row) => row.display_name },
    headline: { type: GraphQLString, resolve: (row) => row.headline },
  },
});
const Participant = new GraphQLObjectType<ParticipantRow, Context>({
  name: 'Participant',
  fields: {
    id: { type: new GraphQLNonNull(GraphQLID) },
    // The profile columns come with the participant row (joined in SQL).
    profile: { type: new GraphQLNonNull(Profile), resolve: (row) => row },
  },
});
const ParticipantEdge = new GraphQLObjectType<ParticipantRow, Context>({
  name: 'ParticipantEdge',
  fields: {
    cursor: { type: new GraphQLNonNull(GraphQLString), resolve: (row) => Buffer.from(JSON.stringify([row.at.toISOString(), row.id])).toString('base64url') },
    node: { type: new GraphQLNonNull(Participant), resolve: (row) => row },
  },
});
const ParticipantConnection = new GraphQLObjectType<ParticipantRow[], Context>({
  name: 'ParticipantConnection',
  fields: { edges: { type: new GraphQLNonNull(new GraphQLList(new GraphQLNonNull(ParticipantEdge))), resolve: (rows) => rows } },
});
const PARTICIPANT_COLUMNS = `p.id, pr.display_name, pr.headline`;
const Room = new GraphQLObjectType<RoomRow, Context>({
  name: 'Room',
  fields: {
    id: { type: new GraphQLNonNull(GraphQLID) },
    stage: {
      type: new GraphQLNonNull(new GraphQLList(new GraphQLNonNull(Participant))),
      resolve: async (room) =>
        (
          await pool.query<ParticipantRow>(
            `select ${PARTICIPANT_COLUMNS}, p.stage_since as at from participants p join profiles pr on pr.id = p.profile_id
              where p.room_id = $1 and p.left_at is null and p.role in ('HOST', 'MODERATOR', 'SPEAKER')
              order by p.stage_since, p.id`,
            [room.id],
          )
        ).rows,
    },
    audience: {
      type: new GraphQLNonNull(ParticipantConnection),
      args: { first: { type: GraphQLInt, defaultValue: 50 } },
      resolve: async (room, args: { first: number }) => {
        if (!Number.isInteger(args.first) || args.first < 0 || args.first > 100) throw new GraphQLError('first must be an integer between 0 and 100');
        return (
          await pool.query<ParticipantRow>(
            `select ${PARTICIPANT_COLUMNS}, p.joined_at as at from participants p join profiles pr on pr.id = p.profile_id
              where p.room_id = $1 and p.left_at is null and p.role = 'LISTENER'
              order by p.joined_at, p.id limit $2`,
            [room.id, args.first],
          )
        ).rows;
      },
    },
  },
});
const schema = new GraphQLSchema({
  query: new GraphQLObjectType<unknown, Context>({
    name: 'Query',
    fields: {
      room: {
        type: Room,
        args: { id: { type: new GraphQLNonNull(GraphQLID) } },
        resolve: async (_root, args: { id: string }, context) => {
          if (!/^[0-9a-f-]{36}$/i.test(args.id)) return null;
          const { rows } = await pool.query<RoomRow>(
            `select r.id from rooms r where r.id = $1 and (r.visibility = 'PUBLIC' or r.host_id = $2)
               and not exists (select 1 from room_bans b where b.room_id = r.id and b.profile_id = $2)`,
            [args.id, context.viewerId],
          );
          return rows[0] ?? null;
        },
      },
    },
  }),
});

const handler = createHandler<Record<string, unknown>>({
  schema,
  context: async (req) => {
    const header = req.raw.headers.authorization ?? '';
    const token = /^Bearer\s+(\S+)$/i.exec(header)?.[1];
    if (!token) return [null, { status: 401, statusText: 'Unauthorized' }];
    try {
      const { payload } = await jwtVerify(token, secret, { algorithms: ['HS256'] });
      return { viewerId: String(payload.sub) };
    } catch {
      return [null, { status: 401, statusText: 'Unauthorized' }];
    }
  },
});

const server = createServer((req, res) => {
  if (req.url === '/healthz') {
    res.end('ok');
    return;
  }
  if (req.url?.startsWith('/graphql')) {
    handler(req, res).catch(() => {
      res.statusCode = 500;
      res.end();
    });
    return;
  }
  res.statusCode = 404;
  res.end();
});
server.listen(Number(process.argv[2]), '127.0.0.1');
process.on('SIGTERM', () => {
  server.close();
  void pool.end().then(() => process.exit(0));
});
