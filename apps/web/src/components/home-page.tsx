import { useEffect, useId, useMemo, useState } from 'react';

import { HOME_QUERY, ROOMS_QUERY, TOPICS_QUERY } from '../api/operations';
import { useSession } from '../app/session';
import type { HomeQuery, RoomCardFieldsFragment, RoomStatus, TopicsQuery } from '../gql/graphql';
import { roomMatches } from './room-card-text';
import { RoomCard } from './room-card';

export function HomePage() {
  return (
    <div className="home">
      <h1 className="visually-hidden">Discover rooms</h1>
      <RecommendedRooms />
      <LiveAndUpcoming />
    </div>
  );
}

function RecommendedRooms() {
  const { api, showError } = useSession();
  const [data, setData] = useState<HomeQuery['recommendedRooms'] | null>(null);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    let current = true;
    api.query(HOME_QUERY, {}).then(
      (result) => current && setData(result.recommendedRooms),
      (error: unknown) => {
        if (!current) return;
        setFailed(true);
        showError(error);
      },
    );
    return () => {
      current = false;
    };
  }, [api, showError]);

  return (
    <section aria-labelledby="recommended-title" className="section">
      <div className="section-head">
        <h2 id="recommended-title">Recommended for you</h2>
      </div>
      {!data && !failed && <p className="muted">Finding rooms for you…</p>}
      {failed && <p className="muted">Recommendations are unavailable right now.</p>}
      {data && data.items.length === 0 && <p className="muted">No live or upcoming rooms match yet. Start one!</p>}
      {data && data.items.length > 0 && (
        <div className="room-grid" data-testid="recommended">
          {data.items.map((item) => (
            <RoomCard key={item.room.id} room={item.room} reasons={item.reasons} />
          ))}
        </div>
      )}
    </section>
  );
}

const SECTIONS: readonly { readonly status: RoomStatus; readonly title: string }[] = [
  { status: 'LIVE', title: 'Live now' },
  { status: 'SCHEDULED', title: 'Upcoming' },
];

/**
 * Live and upcoming rooms, filtered by topic and by a search over titles and hosts, both on the
 * server (`RoomFilter.search`); while the next answer is on its way the loaded rooms are narrowed
 * here, so typing feels immediate.
 */
function LiveAndUpcoming() {
  const { api, showError } = useSession();
  const [topics, setTopics] = useState<TopicsQuery['topics']>([]);
  const [topic, setTopic] = useState('');
  const [search, setSearch] = useState('');
  const [serverSearch, setServerSearch] = useState('');
  const [rooms, setRooms] = useState<Record<RoomStatus, RoomCardFieldsFragment[]> | null>(null);
  const topicId = useId();
  const searchId = useId();

  useEffect(() => {
    api.query(TOPICS_QUERY, {}).then((data) => setTopics(data.topics), showError);
  }, [api, showError]);

  useEffect(() => {
    // One request per pause in typing, not per keystroke.
    const timer = setTimeout(() => setServerSearch(search.trim().slice(0, 100)), 300);
    return () => clearTimeout(timer);
  }, [search]);

  useEffect(() => {
    let current = true;
    const filterTopic = topic || null;
    const filterSearch = serverSearch || null;
    Promise.all(SECTIONS.map(({ status }) => api.query(ROOMS_QUERY, { filter: { status, topic: filterTopic, search: filterSearch } }))).then(
      ([live, upcoming]) => {
        if (!current) return;
        const nodes = (data: typeof live) => data?.rooms.edges.map((edge) => edge.node) ?? [];
        setRooms({ LIVE: nodes(live), SCHEDULED: nodes(upcoming), ENDED: [] });
      },
      (error: unknown) => current && showError(error),
    );
    return () => {
      current = false;
    };
  }, [api, showError, topic, serverSearch]);

  const shown = useMemo(() => {
    if (!rooms) return null;
    return { LIVE: rooms.LIVE.filter((room) => roomMatches(room, search)), SCHEDULED: rooms.SCHEDULED.filter((room) => roomMatches(room, search)), ENDED: [] };
  }, [rooms, search]);

  return (
    <section aria-labelledby="browse-title" className="section">
      <div className="section-head">
        <h2 id="browse-title">Live and upcoming</h2>
      </div>
      <div className="filters">
        <div className="filter">
          <label htmlFor={searchId}>Search titles and hosts</label>
          <input id={searchId} type="search" value={search} onChange={(event) => setSearch(event.target.value)} placeholder="e.g. Kubernetes, Ada" />
        </div>
        <div className="filter">
          <label htmlFor={topicId}>Topic</label>
          <select id={topicId} value={topic} onChange={(event) => setTopic(event.target.value)}>
            <option value="">All topics</option>
            {topics.map((t) => (
              <option key={t.slug} value={t.slug}>
                {t.name}
              </option>
            ))}
          </select>
        </div>
      </div>
      {!shown && <p className="muted">Loading rooms…</p>}
      {shown &&
        SECTIONS.map(({ status, title }) => (
          <section key={status} aria-label={title} className="subsection">
            <h3>{title}</h3>
            {shown[status].length === 0 ? (
              <p className="muted">{search || topic ? 'No rooms match.' : status === 'LIVE' ? 'No live rooms right now.' : 'Nothing scheduled.'}</p>
            ) : (
              <div className="room-grid" data-testid={status === 'LIVE' ? 'live-rooms' : 'upcoming-rooms'}>
                {shown[status].map((room) => (
                  <RoomCard key={room.id} room={room} />
                ))}
              </div>
            )}
          </section>
        ))}
    </section>
  );
}
