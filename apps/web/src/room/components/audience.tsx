import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef, useState } from 'react';

import { Avatar } from '../../components/avatar';
import { HandIcon } from '../../components/icons';
import type { AudiencePageInfo } from '../room-reducer';
import { countOf, type ParticipantAction } from '../room-actions';
import type { Participant } from '../room-types';
import { ParticipantMenu } from './participant-menu';

const CELL_WIDTH = 76;
const ROW_HEIGHT = 78;

/**
 * The audience as small icons in a virtualised grid: only the rows in view are in the DOM, so a
 * room of 100,000 listeners renders a few dozen elements. Scrolling near the end loads the next
 * page. The heading shows the server's listener count, which may be more than is loaded.
 */
export function Audience(props: {
  audience: readonly Participant[];
  listenerCount: number;
  pageInfo: AudiencePageInfo;
  actionsFor(target: Participant): readonly ParticipantAction[];
  busy: boolean;
  onAction(action: ParticipantAction, target: Participant): void;
  /** Undefined for the viewer themself. */
  reportFor(target: Participant): ((target: Participant) => void) | undefined;
  onLoadMore(after: string): Promise<void>;
}) {
  const { audience, pageInfo, onLoadMore } = props;
  const scrollRef = useRef<HTMLDivElement>(null);
  const [columns, setColumns] = useState(4);
  const [loading, setLoading] = useState(false);

  useEffect(() => {
    const element = scrollRef.current;
    if (!element) return;
    const measure = () => setColumns(Math.max(1, Math.floor(element.clientWidth / CELL_WIDTH)));
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  const loadedRows = Math.ceil(audience.length / columns);
  const rowCount = loadedRows + (pageInfo.hasNextPage ? 1 : 0);
  const virtualizer = useVirtualizer({ count: rowCount, getScrollElement: () => scrollRef.current, estimateSize: () => ROW_HEIGHT, overscan: 3 });
  const rows = virtualizer.getVirtualItems();
  const lastVisible = rows[rows.length - 1]?.index ?? -1;

  useEffect(() => {
    if (loading || !pageInfo.hasNextPage || !pageInfo.endCursor || lastVisible < loadedRows - 1) return;
    setLoading(true);
    void onLoadMore(pageInfo.endCursor).finally(() => setLoading(false));
  }, [lastVisible, loadedRows, loading, pageInfo, onLoadMore]);

  return (
    <section className="card" aria-labelledby="audience-title">
      <h2 id="audience-title">
        Audience <span className="count" data-testid="listener-count">{props.listenerCount.toLocaleString('en')}</span>
        <span className="visually-hidden"> {props.listenerCount === 1 ? 'listener' : 'listeners'}</span>
      </h2>
      {props.listenerCount === 0 && audience.length === 0 && <p className="muted">No listeners yet.</p>}
      <div ref={scrollRef} className="audience-scroll" data-testid="audience" role="list" aria-label={countOf(props.listenerCount, 'listener')}>
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {rows.map((row) => {
            const members = audience.slice(row.index * columns, row.index * columns + columns);
            return (
              <div key={row.key} className="audience-row" style={{ transform: `translateY(${row.start}px)`, height: ROW_HEIGHT }}>
                {members.length === 0 && <span className="muted small">Loading more listeners…</span>}
                {members.map((participant) => (
                  <AudienceMember key={participant.id} participant={participant} {...props} />
                ))}
              </div>
            );
          })}
        </div>
      </div>
    </section>
  );
}

function AudienceMember(props: {
  participant: Participant;
  actionsFor(target: Participant): readonly ParticipantAction[];
  busy: boolean;
  onAction(action: ParticipantAction, target: Participant): void;
  reportFor(target: Participant): ((target: Participant) => void) | undefined;
}) {
  const { participant } = props;
  const name = participant.profile.displayName;
  const icon = (
    <>
      <Avatar profile={participant.profile} size="small" />
      {participant.handRaisedAt && (
        <span className="hand-badge" title="Hand raised">
          <HandIcon size={12} />
        </span>
      )}
    </>
  );
  const actions = props.actionsFor(participant);
  const onReport = props.reportFor(participant);
  return (
    <div className="audience-member" role="listitem" data-testid="audience-member" data-profile-id={participant.profile.id}>
      {actions.length > 0 || onReport ? (
        <ParticipantMenu participant={participant} actions={actions} disabled={props.busy} onAction={props.onAction} onReport={onReport} trigger={icon} />
      ) : (
        <span className="menu-trigger-static">{icon}</span>
      )}
      <span className="audience-name" title={name}>
        {name.split(' ')[0]}
        <span className="visually-hidden">
          {name.slice((name.split(' ')[0] ?? '').length)}
          {participant.handRaisedAt ? ', hand raised' : ''}
        </span>
      </span>
    </div>
  );
}
