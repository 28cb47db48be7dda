import { DefaultLogger, type LogContext, type LoggerOptions, MikroORM } from '@mikro-orm/core';
import { Migrator } from '@mikro-orm/migrations';
import { PostgreSqlDriver } from '@mikro-orm/postgresql';
import pg from 'pg';

import { GroupEntity, GroupInvitationEntity, GroupJoinRequestEntity, GroupMemberEntity } from '../groups/group.entity';
import { BlockEntity, ModerationLogEntity, ModerationNoticeEntity, ReportEntity } from '../moderation/moderation.entity';
import { currentRequestId } from '../observability/request-trace';
import { FollowEntity, ProfileEntity } from '../profiles/profile.entity';
import {
  ParticipantEntity,
  RoomBanEntity,
  RoomEntity,
  RoomEventEntity,
  RoomInviteeEntity,
  RoomStreamEntity,
} from '../rooms/room.entity';
import { Migration20261127Initial } from './migrations/migration-20261127-initial';
import { Migration20261127RankingLog } from './migrations/migration-20261127-ranking-log';
import { Migration20261130MediaControl } from './migrations/migration-20261130-media-control';
import { Migration20261130RoomCounters } from './migrations/migration-20261130-room-counters';
import { Migration20261130StoredDomainEvents } from './migrations/migration-20261130-stored-domain-events';
import { Migration20261130TrustAndSafety } from './migrations/migration-20261130-trust-and-safety';
import { Migration20261201PeopleSearch } from './migrations/migration-20261201-people-search';
import { Migration20261201RoomStreams } from './migrations/migration-20261201-room-streams';
import { Migration20261207ReporterStanding } from './migrations/migration-20261207-reporter-standing';
import { Migration20261207GroupJoinPolicy } from './migrations/migration-20261207-group-join-policy';
import { Migration20261207MediaRevocations } from './migrations/migration-20261207-media-revocations';
import { Migration20261207StaffRoles } from './migrations/migration-20261207-staff-roles';
import { Migration20261207QuestionQueue } from './migrations/migration-20261207-question-queue';
import { Migration20261207HandQuestionLength } from './migrations/migration-20261207-hand-question-length';
import { Migration20261208QuestionReports } from './migrations/migration-20261208-question-reports';
import { Migration20261208RoomChat } from './migrations/migration-20261208-room-chat';
import { Migration20261208ChatMessageReports } from './migrations/migration-20261208-chat-message-reports';
import { Migration20261209AudienceReminders } from './migrations/migration-20261209-audience-reminders';
import { Migration20261210RoomInsights } from './migrations/migration-20261210-room-insights';
import { Migration20261209RecommendationControls } from './migrations/migration-20261209-recommendation-controls';
import { Migration20261211RankingExploration } from './migrations/migration-20261211-ranking-exploration';
import { Migration20261209Notifications } from './migrations/migration-20261209-notifications';
import { Migration20261209CalendarFeeds } from './migrations/migration-20261209-calendar-feeds';
import { Migration20261212ParticipantsRoleIndex } from './migrations/migration-20261212-participants-role-index';
import { Migration20261213TextArrayNulls } from './migrations/migration-20261213-text-array-nulls';

export const ENTITIES = [
  ProfileEntity,
  FollowEntity,
  GroupEntity,
  GroupMemberEntity,
  GroupJoinRequestEntity,
  GroupInvitationEntity,
  RoomEntity,
  RoomStreamEntity,
  ParticipantEntity,
  RoomInviteeEntity,
  RoomBanEntity,
  RoomEventEntity,
  ReportEntity,
  ModerationNoticeEntity,
  ModerationLogEntity,
  BlockEntity,
];

/**
 * Called with every executed SQL statement and the id of the HTTP request that caused it (null
 * for WebSocket operations and background work: workers, jobs, after-commit deliveries).
 */
export type QueryListener = (sql: string, requestId: string | null) => void;

/**
 * Reports every SQL statement to listeners, so tests can count queries per operation the way
 * MikroORM's own test suite does; logs statements only when LOG_LEVEL is debug or trace.
 */
/**
 * The mark that opens the SQL of an instance's periodic housekeeping (the staff directory's
 * refresh, every `STAFF_ROLES_REFRESH_MS`), work that belongs to no request, command or delivery.
 * Kind: a statement count that includes work running beside the measured one — a test counting a
 * command's statements counted the refresh whenever its second came round during the command.
 * {@link Database.onQuery} does not report such statements.
 */
export const PERIODIC_SQL_MARK = '/* periodic */ ';

/** Whether `sql` is periodic housekeeping ({@link PERIODIC_SQL_MARK}). */
export function isPeriodicStatement(sql: string): boolean {
  return sql.startsWith(PERIODIC_SQL_MARK);
}

class QueryReportingLogger extends DefaultLogger {
  constructor(
    options: LoggerOptions,
    private readonly listeners: Set<QueryListener>,
  ) {
    super(options);
  }

  override logQuery(context: { query: string } & LogContext): void {
    // Periodic housekeeping belongs to no request, command or delivery: never counted as theirs.
    if (this.listeners.size === 0 || isPeriodicStatement(context.query)) return super.logQuery(context);
    const requestId = currentRequestId();
    for (const listener of this.listeners) listener(context.query, requestId);
    super.logQuery(context);
  }
}

export interface Database {
  readonly orm: MikroORM<PostgreSqlDriver>;
  /**
   * Subscribe to executed SQL (periodic housekeeping, marked {@link PERIODIC_SQL_MARK}, left out);
   * returns an unsubscribe function.
   */
  onQuery(listener: QueryListener): () => void;
  /**
   * Runs one read statement (`$1`-style parameters) on this instance's own side connection, outside
   * MikroORM's pool: for the few background reads that must not queue behind request traffic when
   * the pool is saturated (a conversation tick's room snapshot, and the profiles its messages name).
   * One connection, opened on first use; reported to {@link onQuery} listeners like every statement
   * (request id null).
   * @returns the result rows.
   * @throws the driver's error (connection refused, SQL error; the next call connects again), or an
   *   Error once {@link close} has been called.
   */
  readAside<T extends object>(sql: string, params: readonly unknown[]): Promise<T[]>;
  close(): Promise<void>;
}

export class DatabaseConnectionError extends Error {
  override readonly name = 'DatabaseConnectionError';

  /** The database named by the URL could not be reached; `reason` is the driver's message. */
  static unreachable(clientUrl: string, reason: string): DatabaseConnectionError {
    return new DatabaseConnectionError(`cannot connect to the database ${redactedUrl(clientUrl)}: ${reason}`);
  }
}

/** The URL without its password, for messages and logs. */
export function redactedUrl(clientUrl: string): string {
  try {
    const url = new URL(clientUrl);
    if (url.password) url.password = '***';
    return url.toString();
  } catch {
    return '(unparseable URL)';
  }
}

/**
 * Connects MikroORM to `clientUrl` and checks the connection, failing with the driver's reason.
 *
 * `ensureDatabase` (default false) creates the database when it is missing, which MikroORM 6
 * otherwise does on every `init()` by default: only the embedded development server may have
 * its database created; a DATABASE_URL naming a missing database is an error, never a new one.
 */
export async function connectDatabase(
  clientUrl: string,
  options: { debugSql?: boolean; poolMax?: number; ensureDatabase?: boolean } = {},
): Promise<Database> {
  const listeners = new Set<QueryListener>();
  const orm = await MikroORM.init<PostgreSqlDriver>({
    driver: PostgreSqlDriver,
    clientUrl,
    entities: ENTITIES,
    extensions: [Migrator],
    // Every request and subscription event forks its own EntityManager; the global one is off-limits.
    allowGlobalContext: false,
    ensureDatabase: options.ensureDatabase ?? false,
    debug: options.debugSql ? ['query'] : false,
    loggerFactory: (loggerOptions) => new QueryReportingLogger(loggerOptions, listeners),
    pool: { min: 0, max: options.poolMax ?? 10 },
    migrations: {
      migrationsList: [
        { name: 'Migration20261127Initial', class: Migration20261127Initial },
        { name: 'Migration20261127RankingLog', class: Migration20261127RankingLog },
        { name: 'Migration20261130StoredDomainEvents', class: Migration20261130StoredDomainEvents },
        { name: 'Migration20261130MediaControl', class: Migration20261130MediaControl },
        { name: 'Migration20261130RoomCounters', class: Migration20261130RoomCounters },
        { name: 'Migration20261130TrustAndSafety', class: Migration20261130TrustAndSafety },
        { name: 'Migration20261201PeopleSearch', class: Migration20261201PeopleSearch },
        { name: 'Migration20261201RoomStreams', class: Migration20261201RoomStreams },
        { name: 'Migration20261207ReporterStanding', class: Migration20261207ReporterStanding },
        { name: 'Migration20261207GroupJoinPolicy', class: Migration20261207GroupJoinPolicy },
        { name: 'Migration20261207StaffRoles', class: Migration20261207StaffRoles },
        { name: 'Migration20261207QuestionQueue', class: Migration20261207QuestionQueue },
        { name: 'Migration20261207MediaRevocations', class: Migration20261207MediaRevocations },
        { name: 'Migration20261207HandQuestionLength', class: Migration20261207HandQuestionLength },
        { name: 'Migration20261208QuestionReports', class: Migration20261208QuestionReports },
        { name: 'Migration20261208RoomChat', class: Migration20261208RoomChat },
        { name: 'Migration20261208ChatMessageReports', class: Migration20261208ChatMessageReports },
        { name: 'Migration20261209AudienceReminders', class: Migration20261209AudienceReminders },
        { name: 'Migration20261210RoomInsights', class: Migration20261210RoomInsights },
        { name: 'Migration20261209RecommendationControls', class: Migration20261209RecommendationControls },
        { name: 'Migration20261211RankingExploration', class: Migration20261211RankingExploration },
        { name: 'Migration20261209Notifications', class: Migration20261209Notifications },
        { name: 'Migration20261209CalendarFeeds', class: Migration20261209CalendarFeeds },
        { name: 'Migration20261212ParticipantsRoleIndex', class: Migration20261212ParticipantsRoleIndex },
        { name: 'Migration20261213TextArrayNulls', class: Migration20261213TextArrayNulls },
      ],
      transactional: true,
      allOrNothing: true,
      snapshot: false,
      silent: true,
    },
    discovery: { warnWhenNoEntities: true },
  });
  const check = await orm.checkConnection();
  if (!check.ok) {
    await orm.close(true);
    throw DatabaseConnectionError.unreachable(clientUrl, check.reason);
  }
  let aside: pg.Pool | null = null;
  let closed = false;
  return {
    orm,
    onQuery(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async readAside<T extends object>(sql: string, params: readonly unknown[]): Promise<T[]> {
      // A read that comes after close() must not open a connection nothing will end.
      if (closed) throw new Error('the database is closed');
      if (!aside) {
        aside = new pg.Pool({ connectionString: clientUrl, max: 1, idleTimeoutMillis: 60_000, application_name: 'roundtable-api-aside' });
        // An idle connection's error (the server restarted) must not end the process: the pool drops
        // that connection, and the next read connects again and reports its own failure to its caller.
        aside.on('error', () => undefined);
      }
      for (const listener of listeners) listener(sql, null);
      const result = await aside.query<T>(sql, params as unknown[]);
      return result.rows;
    },
    async close() {
      closed = true;
      const closing = aside;
      aside = null;
      await Promise.all([orm.close(true), closing?.end()]);
    },
  };
}

/** Applies pending migrations (never schema:update). */
export async function migrateDatabase(db: Database): Promise<string[]> {
  const migrator = db.orm.getMigrator();
  const applied = await migrator.up();
  return applied.map((migration) => migration.name);
}
