import { useCallback, useEffect, useId, useState } from 'react';

import { ROOM_INSIGHTS } from '../api/operations';
import { useSession } from '../app/session';
import { REACTION_LABELS } from '../conversation/reactions';
import type { RoomInsightsQuery } from '../gql/graphql';
import { foldingExplanation, formatListenTime, formatShare, msUntilReread, timelineBars } from './insights-text';

type Insights = NonNullable<NonNullable<RoomInsightsQuery['room']>['insights']>;
type Group = Insights['byIndustry'][number];

const time = (iso: string) => new Date(iso).toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' });

/**
 * Host insights (issue 19), for the host and the room's moderators: a disclosure that reads
 * `Room.insights` when opened, and again after each refresh window while the room is live. Plain
 * HTML bars (the figures are also written out, so a screen reader hears them).
 */
export function InsightsPanel(props: { roomId: string }) {
  const { roomId } = props;
  const { api, showError } = useSession();
  const [open, setOpen] = useState(false);
  const [insights, setInsights] = useState<Insights | null | undefined>(undefined);
  const bodyId = useId();

  const read = useCallback(async () => {
    try {
      const { room } = await api.query(ROOM_INSIGHTS, { id: roomId });
      setInsights(room?.insights ?? null);
    } catch (error) {
      showError(error);
    }
  }, [api, roomId, showError]);

  useEffect(() => {
    if (open) void read();
  }, [open, read]);

  const nextRefreshAt = insights?.nextRefreshAt ?? null;
  useEffect(() => {
    if (!open || insights === undefined) return undefined;
    // Before the first window is over there is no nextRefreshAt yet: look again in a minute.
    const wait = insights === null ? 60_000 : msUntilReread(nextRefreshAt, Date.now());
    if (wait === null) return undefined;
    const timer = setTimeout(() => void read(), wait);
    return () => clearTimeout(timer);
  }, [open, insights, nextRefreshAt, read]);

  return (
    <section className="card insights" aria-labelledby={`${bodyId}-title`} data-testid="insights-panel">
      <h2 id={`${bodyId}-title`} className="insights-title">
        <button type="button" className="insights-toggle" aria-expanded={open} aria-controls={bodyId} onClick={() => setOpen((was) => !was)}>
          Insights
        </button>
      </h2>
      <div id={bodyId} hidden={!open}>
        {open && insights === undefined && <p className="muted">Loading the insights…</p>}
        {open && insights === null && <p className="muted">No figures yet: they appear once the room&apos;s first refresh window is over.</p>}
        {open && insights && <InsightsBody insights={insights} />}
      </div>
    </section>
  );
}

function InsightsBody({ insights }: { insights: Insights }) {
  const reactions = insights.reactions.reduce((sum, reaction) => sum + reaction.count, 0);
  const bars = timelineBars(insights.timeline);
  return (
    <>
      <p className="hint" data-testid="insights-freshness">
        {insights.nextRefreshAt === null
          ? `Final figures: the room has ended.`
          : `Figures as of ${time(insights.computedAt)}; the next update comes after ${time(insights.nextRefreshAt)}.`}
      </p>
      <dl className="insights-counts">
        <div>
          <dt>Listeners</dt>
          <dd data-testid="insights-unique">{insights.uniqueListeners}</dd>
        </div>
        <div>
          <dt>Most at once</dt>
          <dd>{insights.peakListeners}</dd>
        </div>
        <div>
          <dt>Median listening time</dt>
          <dd>
            {insights.medianListenSeconds === null ? (
              <span className="muted">Shown from {insights.minimumGroupSize} listeners</span>
            ) : (
              formatListenTime(insights.medianListenSeconds)
            )}
          </dd>
        </div>
        <div>
          <dt>Questions asked</dt>
          <dd>{insights.questionsAsked}</dd>
        </div>
        <div>
          <dt>Questions answered</dt>
          <dd>{insights.questionsAnswered}</dd>
        </div>
        <div>
          <dt>Chat messages</dt>
          <dd>{insights.chatMessages}</dd>
        </div>
        <div>
          <dt>Reactions</dt>
          <dd>
            {reactions}
            {insights.reactions.length > 0 && (
              <span className="muted"> ({insights.reactions.map((r) => `${REACTION_LABELS[r.reaction]} ${r.count}`).join(', ')})</span>
            )}
          </dd>
        </div>
      </dl>
      <GroupBars title="By industry" groups={insights.byIndustry} />
      <GroupBars title="By seniority" groups={insights.bySeniority} />
      <p className="insights-why" data-testid="insights-why">
        {foldingExplanation(insights.minimumGroupSize)}
      </p>
      <h3 className="insights-subtitle">Listeners over time</h3>
      {insights.timeline.length === 0 ? (
        <p className="muted">No windows yet.</p>
      ) : (
        <ol className="insights-bars insights-timeline" data-testid="insights-timeline">
          {insights.timeline.map((point, index) => (
            <li key={point.at}>
              <span className="insights-label">{time(point.at)}</span>
              <span className="insights-bar" aria-hidden="true">
                <span style={{ width: `${(bars[index] ?? 0) * 100}%` }} />
              </span>
              <span className="insights-figure">{point.listeners} listening</span>
            </li>
          ))}
        </ol>
      )}
    </>
  );
}

function GroupBars({ title, groups }: { title: string; groups: readonly Group[] }) {
  return (
    <>
      <h3 className="insights-subtitle">{title}</h3>
      {groups.length === 0 ? (
        <p className="muted">Too few listeners to show groups yet.</p>
      ) : (
        <ul className="insights-bars" aria-label={title}>
          {groups.map((group) => (
            <li key={group.label}>
              <span className="insights-label">{group.label}</span>
              <span className="insights-bar" aria-hidden="true">
                <span style={{ width: `${group.share * 100}%` }} />
              </span>
              <span className="insights-figure">
                {group.listeners} ({formatShare(group.share)})
              </span>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
