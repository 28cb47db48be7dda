import { RoomStatus } from '@roundtable/domain';
import { useCallback, useEffect, useId, useState } from 'react';

import { HOME_QUERY, ROOMS_QUERY } from '../api/operations';
import type { PageInfo, RoomCard as RoomCardData, RoomRecommendation } from '../api/types';
import { useSession } from '../app/session';
import { RoomCard } from './room-card';

interface HomeData {
  recommendedRooms: { modelVersion: string; items: RoomRecommendation[] };
}

interface RoomsData {
  rooms: { edges: { cursor: string; node: RoomCardData }[]; pageInfo: PageInfo };
}

export function HomePage() {
  return (
    <div className="home">
      <RecommendedRooms />
      <AllRooms />
    </div>
  );
}

function RecommendedRooms() {
  const session = useSession();
  const [data, setData] = useState<HomeData['recommendedRooms'] | null>(null);
  const [failed, setFailed] = useState(false);
  const { request, showError } = session;

  useEffect(() => {
    let current = true;
    request<HomeData>(HOME_QUERY).then(
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
  }, [request, showError]);

  return (
    <section aria-labelledby="recommended-title" className="section">
      <div className="section-head">
        <h2 id="recommended-title">Recommended for you</h2>
        {data && (
          <span className="model-version" title="Ranking model that ordered this list">
            model {data.modelVersion}
          </span>
        )}
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

type StatusFilter = RoomStatus | 'ALL';

function AllRooms() {
  const { request, showError } = useSession();
  const [filter, setFilter] = useState<StatusFilter>('ALL');
  const [rooms, setRooms] = useState<RoomCardData[]>([]);
  const [pageInfo, setPageInfo] = useState<PageInfo | null>(null);
  const [loading, setLoading] = useState(false);
  const filterId = useId();

  const load = useCallback(
    async (status: StatusFilter, after: string | null) => {
      setLoading(true);
      try {
        const data = await request<RoomsData>(ROOMS_QUERY, { filter: status === 'ALL' ? null : { status }, after });
        const page = data.rooms.edges.map((edge) => edge.node);
        setRooms((previous) => (after ? [...previous, ...page.filter((room) => !previous.some((p) => p.id === room.id))] : page));
        setPageInfo(data.rooms.pageInfo);
      } catch (error) {
        showError(error);
      } finally {
        setLoading(false);
      }
    },
    [request, showError],
  );

  useEffect(() => {
    void load(filter, null);
  }, [filter, load]);

  return (
    <section aria-labelledby="all-rooms-title" className="section">
      <div className="section-head">
        <h2 id="all-rooms-title">All rooms</h2>
        <label htmlFor={filterId} className="inline-label">
          Status
          <select id={filterId} value={filter} onChange={(event) => setFilter(event.target.value as StatusFilter)}>
            <option value="ALL">All</option>
            <option value={RoomStatus.Live}>Live</option>
            <option value={RoomStatus.Scheduled}>Scheduled</option>
            <option value={RoomStatus.Ended}>Ended</option>
          </select>
        </label>
      </div>
      {rooms.length === 0 && !loading && <p className="muted">No rooms.</p>}
      <div className="room-grid" data-testid="all-rooms" aria-busy={loading}>
        {rooms.map((room) => (
          <RoomCard key={room.id} room={room} />
        ))}
      </div>
      {pageInfo?.hasNextPage && (
        <button type="button" className="button load-more" disabled={loading} onClick={() => void load(filter, pageInfo.endCursor)}>
          {loading ? 'Loading…' : 'Load more'}
        </button>
      )}
    </section>
  );
}
