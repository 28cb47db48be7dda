import { useCallback, useEffect, useState } from 'react';

import { publicQuery } from '../api/graphql-client';
import { HIDDEN_RECOMMENDATIONS_QUERY, RANKING_TRANSPARENCY_QUERY, UNHIDE_RECOMMENDATION_MUTATION } from '../api/operations';
import { useSession } from '../app/session';
import type { HiddenRecommendationFieldsFragment, RankingTransparencyQuery } from '../gql/graphql';

/** The input that names one hidden item again (to unhide it). */
export function hideInputOf(item: HiddenRecommendationFieldsFragment): { roomId?: string; hostId?: string; topicSlug?: string } | null {
  if (item.kind === 'ROOM') return item.room ? { roomId: item.room.id } : null;
  if (item.kind === 'HOST') return item.host ? { hostId: item.host.id } : null;
  return item.topic ? { topicSlug: item.topic.slug } : null;
}

/** "This room: Kubernetes at scale", "Host: Ada Lovelace", "Topic: DevOps". */
export function hiddenLabel(item: HiddenRecommendationFieldsFragment): string {
  if (item.kind === 'ROOM') return `Room: ${item.room?.title ?? 'a room you can no longer see'}`;
  if (item.kind === 'HOST') return `Host: ${item.host?.displayName ?? 'someone'}`;
  return `Topic: ${item.topic?.name ?? 'a retired topic'}`;
}

const MODE_TEXT: Record<string, string> = {
  PERSONALISED: 'Personalised: ordered by the model with the parameters above.',
  NOT_PERSONALISED:
    'Not personalised: no profiling. Rooms of your groups and of people you follow by start time, then the most popular public rooms.',
};

/** Public page: the main parameters of the recommender and their weight in the served model. */
export function HowRecommendationsWorkPage(props: { onBack?: (() => void) | undefined }) {
  const [data, setData] = useState<RankingTransparencyQuery['rankingTransparency'] | null>(null);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    let current = true;
    publicQuery(RANKING_TRANSPARENCY_QUERY, {}).then(
      (result) => current && setData(result.rankingTransparency),
      () => current && setFailed(true),
    );
    return () => {
      current = false;
    };
  }, []);

  return (
    <div className="transparency-page">
      <h1>How recommendations work</h1>
      {props.onBack && (
        <p>
          <button type="button" className="button button-small" onClick={props.onBack}>
            Back to your feed
          </button>
        </p>
      )}
      {!data && !failed && <p className="muted">Loading…</p>}
      {failed && <p className="muted">This page could not be loaded right now. Try again in a moment.</p>}
      {data && (
        <>
          <p data-testid="transparency-explanation">{data.explanation}</p>
          <h2>Main parameters</h2>
          <p className="muted small">
            Model: <code>{data.modelVersion}</code>. Weights add up to 100%.
          </p>
          <ul className="parameter-list" data-testid="ranking-parameters">
            {data.parameters.map((parameter) => {
              const percent = Math.round(parameter.importance * 1000) / 10;
              return (
                <li key={parameter.name} className="parameter">
                  <div className="parameter-head">
                    <strong>{parameter.name}</strong>
                    <span className="muted small">{percent}%</span>
                  </div>
                  <div className="parameter-bar" aria-hidden="true">
                    <span style={{ width: `${Math.max(0, Math.min(100, parameter.importance * 100))}%` }} />
                  </div>
                  <p className="small">{parameter.description}</p>
                </li>
              );
            })}
          </ul>
          <h2>Your options</h2>
          <ul>
            {data.options.map((option) => (
              <li key={option}>{MODE_TEXT[option] ?? option}</li>
            ))}
          </ul>
          <p className="small">
            Switch between them with the “Personalised” switch on your home feed. Use “Not interested” on a recommended room to hide the room, its host or
            its topic in both modes; you can undo it any time on the “Hidden” page.
          </p>
        </>
      )}
    </div>
  );
}

/** What the viewer marked "Not interested", newest first, with unhide. */
export function HiddenRecommendationsPage() {
  const { api, showError, navigate } = useSession();
  const [items, setItems] = useState<HiddenRecommendationFieldsFragment[] | null>(null);
  const [cursor, setCursor] = useState<string | null>(null);
  const [more, setMore] = useState(false);
  const [status, setStatus] = useState('');

  const load = useCallback(
    (after: string | null) =>
      api.query(HIDDEN_RECOMMENDATIONS_QUERY, { after }).then((data) => {
        const page = data.viewerHiddenRecommendations;
        setItems((previous) => (after && previous ? [...previous, ...page] : page));
        setCursor(page.at(-1)?.cursor ?? null);
        setMore(page.length === 50);
      }, showError),
    [api, showError],
  );

  useEffect(() => {
    void load(null);
  }, [load]);

  const unhide = async (item: HiddenRecommendationFieldsFragment) => {
    const input = hideInputOf(item);
    if (!input) return;
    try {
      await api.mutate(UNHIDE_RECOMMENDATION_MUTATION, { input });
      setItems((previous) => previous?.filter((entry) => entry !== item) ?? null);
      setStatus(`${hiddenLabel(item)} is back in your recommendations.`);
    } catch (error) {
      showError(error);
    }
  };

  return (
    <div className="hidden-page">
      <h1>Hidden from recommendations</h1>
      <p className="muted">Rooms, hosts and topics you marked “Not interested” never appear in your recommendations, in either feed mode, until you unhide them.</p>
      <p role="status" className="small" data-testid="hidden-status">
        {status}
      </p>
      {!items && <p className="muted">Loading…</p>}
      {items && items.length === 0 && <p className="muted">Nothing is hidden.</p>}
      {items && items.length > 0 && (
        <ul className="hidden-list" data-testid="hidden-list">
          {items.map((item) => (
            <li key={`${item.kind}:${item.cursor}`} className="hidden-item">
              <span className="breakable">{hiddenLabel(item)}</span>
              {hideInputOf(item) && (
                <button type="button" className="button button-small" onClick={() => void unhide(item)}>
                  Unhide<span className="visually-hidden"> {hiddenLabel(item)}</span>
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {more && cursor && (
        <button type="button" className="button" onClick={() => void load(cursor)}>
          Show more
        </button>
      )}
      <p>
        <a
          href="/"
          onClick={(event) => {
            event.preventDefault();
            navigate({ page: 'home' });
          }}
        >
          Back to your feed
        </a>
      </p>
    </div>
  );
}
