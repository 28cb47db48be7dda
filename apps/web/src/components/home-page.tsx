import { useEffect, useId, useMemo, useRef, useState } from 'react';

import { HIDE_RECOMMENDATION_MUTATION, HOME_QUERY, ROOMS_QUERY, SET_FEED_MODE_MUTATION, TOPICS_QUERY, UNHIDE_RECOMMENDATION_MUTATION } from '../api/operations';
import { useSession } from '../app/session';
import type { HomeQuery, RoomCardFieldsFragment, RoomStatus, TopicsQuery } from '../gql/graphql';
import { useOnNotification } from '../notifications/notification-feed';
import { ROOM_LIST_KINDS } from '../notifications/notification-text';
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
  const { api, showError, navigate } = useSession();
  const [data, setData] = useState<HomeQuery['recommendedRooms'] | null>(null);
  const [failed, setFailed] = useState(false);
  const [reload, setReload] = useState(0);
  const [switching, setSwitching] = useState(false);
  /** The last "Not interested", for undo. */
  const [undo, setUndo] = useState<{ label: string; input: HideInput } | null>(null);
  const [status, setStatus] = useState('');
  const undoRef = useRef<HTMLButtonElement>(null);

  // The hidden card leaves the page with the focus on it: keyboard users land on Undo instead.
  useEffect(() => {
    if (undo) undoRef.current?.focus();
  }, [undo]);

  useEffect(() => {
    let current = true;
    api.query(HOME_QUERY, {}).then(
      (result) => {
        if (!current) return;
        setFailed(false);
        setData(result.recommendedRooms);
      },
      (error: unknown) => {
        if (!current) return;
        setFailed(true);
        showError(error);
      },
    );
    return () => {
      current = false;
    };
  }, [api, showError, reload]);

  const personalised = (data?.mode ?? 'PERSONALISED') === 'PERSONALISED';

  const switchMode = async () => {
    setSwitching(true);
    try {
      const mode = await api.mutate(SET_FEED_MODE_MUTATION, { mode: personalised ? 'NOT_PERSONALISED' : 'PERSONALISED' });
      setStatus(mode.setFeedMode === 'PERSONALISED' ? 'Your feed is personalised.' : 'Your feed is not personalised.');
      setReload((count) => count + 1);
    } catch (error) {
      showError(error);
    } finally {
      setSwitching(false);
    }
  };

  const hide = async (input: HideInput, label: string) => {
    try {
      await api.mutate(HIDE_RECOMMENDATION_MUTATION, { input });
      setUndo({ input, label });
      setStatus(`Hidden: ${label}.`);
      setReload((count) => count + 1);
    } catch (error) {
      showError(error);
    }
  };

  const undoHide = async () => {
    if (!undo) return;
    try {
      await api.mutate(UNHIDE_RECOMMENDATION_MUTATION, { input: undo.input });
      setStatus(`${undo.label} is back in your recommendations.`);
      setUndo(null);
      setReload((count) => count + 1);
    } catch (error) {
      showError(error);
    }
  };

  return (
    <section aria-labelledby="recommended-title" className="section">
      <div className="section-head">
        <h2 id="recommended-title">{personalised ? 'Recommended for you' : 'From your groups and people you follow'}</h2>
        <div className="feed-controls">
          <button
            type="button"
            role="switch"
            aria-checked={personalised}
            className="feed-switch"
            data-testid="feed-mode-switch"
            disabled={switching || !data}
            onClick={() => void switchMode()}
          >
            <span className="feed-switch-track" aria-hidden="true">
              <span className="feed-switch-thumb" />
            </span>
            <span>Personalised</span>
          </button>
          <a
            href="/recommendations/how"
            className="small"
            onClick={(event) => {
              event.preventDefault();
              navigate({ page: 'how-recommendations-work' });
            }}
          >
            How recommendations work
          </a>
          <a
            href="/recommendations/hidden"
            className="small"
            data-testid="hidden-link"
            onClick={(event) => {
              event.preventDefault();
              navigate({ page: 'hidden-recommendations' });
            }}
          >
            Hidden
          </a>
        </div>
      </div>
      <p className="muted small" data-testid="feed-mode-text">
        {personalised
          ? 'Ranked for your skills, interests and activity.'
          : 'Not personalised: your groups and people you follow by start time, then popular public rooms. No profile data is used.'}
      </p>
      <div className="undo-bar" role="status" data-testid="feed-status">
        {status && <span>{status}</span>}
        {undo && (
          <button ref={undoRef} type="button" className="button button-small" onClick={() => void undoHide()} data-testid="undo-hide">
            Undo
          </button>
        )}
      </div>
      {!data && !failed && <p className="muted">Finding rooms for you…</p>}
      {failed && <p className="muted">Recommendations are unavailable right now.</p>}
      {data && data.items.length === 0 && <p className="muted">No live or upcoming rooms match yet. Start one!</p>}
      {data && data.items.length > 0 && (
        <div className="room-grid" data-testid="recommended">
          {data.items.map((item) => (
            <RoomCard key={item.room.id} room={item.room} reasons={item.reasons} actions={<NotInterestedMenu room={item.room} onHide={hide} />} />
          ))}
        </div>
      )}
    </section>
  );
}

type HideInput = { roomId?: string; hostId?: string; topicSlug?: string };

/**
 * "Not interested" on a recommended room: a disclosure button opening three choices (this room,
 * this host, each topic). Keyboard: Tab to the button, Enter/Space opens, Tab through the choices,
 * Escape closes and returns focus to the button.
 */
function NotInterestedMenu(props: { room: RoomCardFieldsFragment; onHide: (input: HideInput, label: string) => Promise<void> }) {
  const { room } = props;
  const [open, setOpen] = useState(false);
  const menuId = useId();
  const buttonRef = useRef<HTMLButtonElement>(null);
  const choices: { input: HideInput; label: string; text: string }[] = [
    { input: { roomId: room.id }, label: room.title, text: 'This room' },
    { input: { hostId: room.host.id }, label: `rooms by ${room.host.displayName}`, text: `Rooms by ${room.host.displayName}` },
    ...room.topics.map((topic) => ({ input: { topicSlug: topic.slug }, label: `rooms about ${topic.name}`, text: `Rooms about ${topic.name}` })),
  ];
  return (
    <div
      className="not-interested"
      onKeyDown={(event) => {
        if (event.key === 'Escape' && open) {
          setOpen(false);
          buttonRef.current?.focus();
        }
      }}
    >
      <button
        ref={buttonRef}
        type="button"
        className="button button-small button-quiet"
        aria-expanded={open}
        aria-controls={menuId}
        data-testid="not-interested"
        onClick={() => setOpen((value) => !value)}
      >
        Not interested<span className="visually-hidden"> in {room.title}</span>
      </button>
      {open && (
        <ul id={menuId} className="not-interested-choices" aria-label={`Hide from recommendations: ${room.title}`}>
          {choices.map((choice) => (
            <li key={choice.text}>
              <button
                type="button"
                className="button button-small"
                onClick={() => {
                  setOpen(false);
                  void props.onHide(choice.input, choice.label);
                }}
              >
                {choice.text}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
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
  // Outside a room things are live too (issue 18): a notification about a room that was scheduled,
  // went live, moved, was cancelled, or to which the viewer was invited reloads the lists.
  const [changes, setChanges] = useState(0);
  useOnNotification((notification) => {
    if (ROOM_LIST_KINDS.has(notification.kind)) setChanges((count) => count + 1);
  });

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
  }, [api, showError, topic, serverSearch, changes]);

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
