/**
 * The SQL of host insights (issue 19). Listening is read from the room's event log
 * (`room_events`): a profile listens from a `ParticipantJoined` or `RoleChanged` that leaves them a
 * LISTENER until their next join, role change, leave or removal (or the cut-off). Time on the stage
 * is not listening; someone who went up and came back listened before and after. The host (the
 * room's `host_id`) is never a listener.
 */

/**
 * ONE aggregate statement per room and window: every figure of the window that ends at the
 * cut-off, from events before it. Parameters, in order: room id, cut-off, window start, window
 * seconds, k. Groups come as `[{label, listeners}]` per value, counting only cohorts (same value,
 * same first window) of at least k; folding into "Other" is the domain's `foldInsightGroups`.
 */
export const COMPUTE_WINDOW_SQL = `
with params as (
  select ?::uuid as room_id, ?::timestamptz as cutoff, ?::timestamptz as window_start, ?::float8 as window_seconds, ?::int as k
),
room as (
  select r.id, r.host_id, r.started_at, params.* from rooms r join params on r.id = params.room_id
),
events as materialized (
  select coalesce(e.payload->'event'->'participant'->>'profileId', e.payload->'event'->>'profileId') as profile_id,
         e.version, e.at,
         (e.type in ('ParticipantJoined', 'RoleChanged') and e.payload->'event'->'participant'->>'role' = 'LISTENER') as listening
    from room_events e join room on e.room_id = room.id
   where e.at < room.cutoff and e.type in ('ParticipantJoined', 'RoleChanged', 'ParticipantLeft', 'ParticipantRemoved')
),
steps as (
  select ev.profile_id, ev.at, ev.listening, lead(ev.at) over (partition by ev.profile_id order by ev.version) as next_at
    from events ev
),
spans as (
  select s.profile_id, s.at as from_at, least(coalesce(s.next_at, room.cutoff), room.cutoff) as to_at
    from steps s join room on true
   where s.listening and s.profile_id <> room.host_id
),
listeners as (
  select sp.profile_id, min(sp.from_at) as first_at, sum(extract(epoch from sp.to_at - sp.from_at)) as seconds,
         bool_or(sp.to_at > room.window_start) as in_window
    from spans sp join room on true group by sp.profile_id
),
keyed as (
  select l.seconds, floor(extract(epoch from l.first_at - room.started_at) / room.window_seconds)::int as cohort,
         p.industry, p.seniority
    from listeners l join room on true left join profiles p on p.id = l.profile_id
),
industry_cohorts as (
  select k.industry as label, k.cohort, count(*)::int as n from keyed k where k.industry is not null group by k.industry, k.cohort
),
seniority_cohorts as (
  select k.seniority as label, k.cohort, count(*)::int as n from keyed k where k.seniority is not null group by k.seniority, k.cohort
),
edges as (
  select from_at as at, 1 as delta from spans
  union all
  select to_at as at, -1 as delta from spans
)
select
  (select count(*)::int from listeners) as unique_listeners,
  (select coalesce(max(c.concurrent), 0)::int
     from (select sum(e.delta) over (order by e.at, e.delta rows unbounded preceding) as concurrent from edges e) c) as peak_listeners,
  (select percentile_cont(0.5) within group (order by k.seconds) from keyed k) as median_seconds,
  (select count(*)::int from listeners l where l.in_window) as window_listeners,
  (select coalesce(json_agg(json_build_object('label', g.label, 'listeners', g.n)), '[]'::json)
     from (select c.label, sum(c.n)::int as n from industry_cohorts c join room on true where c.n >= room.k group by c.label) g) as by_industry,
  (select coalesce(json_agg(json_build_object('label', g.label, 'listeners', g.n)), '[]'::json)
     from (select c.label, sum(c.n)::int as n from seniority_cohorts c join room on true where c.n >= room.k group by c.label) g) as by_seniority,
  (select count(*)::int from room_questions q join room on q.room_id = room.id where q.created_at < room.cutoff) as questions_asked,
  (select count(*)::int from room_questions q join room on q.room_id = room.id
    where q.status = 'ANSWERED' and q.answered_at < room.cutoff) as questions_answered,
  (select count(*)::int from chat_messages m join room on m.room_id = room.id
    where m.created_at < room.cutoff and (m.deleted_at is null or m.deleted_at >= room.cutoff)) as chat_messages,
  (select coalesce(json_agg(json_build_object('reaction', c.reaction, 'count', c.count) order by c.reaction), '[]'::json)
     from room_reaction_counts c join room on c.room_id = room.id where c.count > 0) as reactions
`;

/**
 * Writes one window's row. A window written once stays as it was, except that the room's end may
 * rewrite the window it ends in as final (when it ends on a window boundary).
 */
export const INSERT_WINDOW_SQL = `
insert into room_insights (room_id, window_start, window_end, final, window_listeners, unique_listeners, peak_listeners,
  median_listen_seconds, by_industry, by_seniority, questions_asked, questions_answered, chat_messages, reactions,
  minimum_group_size, refresh_seconds)
values (?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?::jsonb, ?, ?, ?, ?::jsonb, ?, ?)
on conflict (room_id, window_start) do update set
  window_end = excluded.window_end, final = excluded.final, window_listeners = excluded.window_listeners,
  unique_listeners = excluded.unique_listeners, peak_listeners = excluded.peak_listeners,
  median_listen_seconds = excluded.median_listen_seconds, by_industry = excluded.by_industry,
  by_seniority = excluded.by_seniority, questions_asked = excluded.questions_asked,
  questions_answered = excluded.questions_answered, chat_messages = excluded.chat_messages,
  reactions = excluded.reactions, minimum_group_size = excluded.minimum_group_size,
  refresh_seconds = excluded.refresh_seconds, computed_at = now()
where excluded.final and not room_insights.final
`;

/** A room's schedule and where its insights stand: one statement before a refresh. */
export const ROOM_PROGRESS_SQL = `
select r.status, r.started_at, r.ended_at,
       (select max(i.window_end) from room_insights i where i.room_id = r.id) as last_end,
       coalesce((select bool_or(i.final) from room_insights i where i.room_id = r.id), false) as final
  from rooms r where r.id = ?
`;

/**
 * Rooms whose insights are due: LIVE ones with a whole window over since the last one written,
 * and rooms that ENDED in the last day without their final row. Parameters: window seconds, now, now.
 */
export const DUE_ROOMS_SQL = `
select r.id from rooms r
  left join lateral (
    select i.window_end, i.final from room_insights i where i.room_id = r.id order by i.window_start desc limit 1
  ) last on true
 where r.started_at is not null and (
   (r.status = 'LIVE' and coalesce(last.window_end, r.started_at) + make_interval(secs => ?::float8) <= ?::timestamptz)
   or (r.status = 'ENDED' and r.ended_at > ?::timestamptz - interval '1 day' and last.final is not true)
 )
`;

/**
 * The select list `Room.insights` reads beside the viewer's relation (see
 * `RoomAccessPolicy.relationsToRooms`): the newest row's figures and the timeline, for the room `r`.
 */
export const READ_INSIGHTS_COLUMNS = `
  (select row_to_json(i) from (
     select n.window_end, n.final, n.unique_listeners, n.peak_listeners, n.median_listen_seconds, n.by_industry,
            n.by_seniority, n.questions_asked, n.questions_answered, n.chat_messages, n.reactions,
            n.minimum_group_size, n.refresh_seconds, n.computed_at
       from room_insights n where n.room_id = r.id order by n.window_start desc limit 1) i) as insights_latest,
  (select json_agg(json_build_array(t.window_start, t.window_listeners) order by t.window_start)
     from room_insights t where t.room_id = r.id) as insights_timeline`;
