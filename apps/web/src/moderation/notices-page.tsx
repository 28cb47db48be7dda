import { type MouseEvent, useCallback, useEffect, useId, useRef, useState } from 'react';

import { toastForError } from '../api/api-error';
import { LatestRequest } from '../api/latest-request';
import { APPEAL_DECISION, NOTICES_QUERY } from '../api/operations';
import { pathOf } from '../app/route';
import { useSession } from '../app/session';
import type { NoticeFieldsFragment } from '../gql/graphql';
import { useOnNotice } from '../notifications/notification-feed';
import { APPEAL_STATUS_LABELS, CATEGORY_LABELS, formatWhen, NOTICE_ACTION_LABELS } from './moderation-labels';

/** The API's limit on an appeal statement (characters). */
export const APPEAL_STATEMENT_MAX = 2000;

/** Newest first, as `viewerModerationNotices` orders them (createdAt, then id, descending). */
function newerFirst(a: NoticeFieldsFragment, b: NoticeFieldsFragment): number {
  return Date.parse(b.createdAt) - Date.parse(a.createdAt) || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);
}

/** Puts `notice` in place of the one with its id, or in its place in the newest-first order. */
function upsert(list: readonly NoticeFieldsFragment[], notice: NoticeFieldsFragment): NoticeFieldsFragment[] {
  if (list.some((item) => item.id === notice.id)) return list.map((item) => (item.id === notice.id ? notice : item));
  return [...list, notice].sort(newerFirst);
}

/**
 * "Your notices": decisions that affect the viewer, each with its reasons and one appeal. Live
 * (issue 18): a new notice and an appeal's outcome arrive through `viewerModerationNoticeChanged`
 * on the session's socket; a first page that loads meanwhile keeps them, and a reconnect reads the
 * first page again.
 */
export function NoticesPage() {
  const { api, showError } = useSession();
  const [notices, setNotices] = useState<NoticeFieldsFragment[] | null>(null);
  const [next, setNext] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  // Notices delivered live since the page opened: a first page read before they committed still shows them.
  const arrived = useRef(new Map<string, NoticeFieldsFragment>());

  // The first page is read again after a reconnect: only the newest read (and its further pages) shows.
  const latest = useRef(new LatestRequest());

  const load = useCallback(
    async (after: string | null) => {
      const ticket = latest.current.ticketFor(after);
      setLoading(true);
      try {
        const { viewerModerationNotices: page } = await api.query(NOTICES_QUERY, { after });
        if (!latest.current.isCurrent(ticket)) return;
        const nodes = page.edges.map((edge) => edge.node);
        setNotices((current) => (after && current ? nodes.reduce(upsert, current) : [...arrived.current.values()].reduce(upsert, nodes)));
        setNext(page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null);
      } catch (error) {
        if (!latest.current.isCurrent(ticket)) return;
        showError(error);
        setNotices((current) => current ?? []);
      } finally {
        if (latest.current.isCurrent(ticket)) setLoading(false);
      }
    },
    [api, showError],
  );

  useEffect(() => void load(null), [load]);

  // After the socket dropped and came back, changes may have been missed: read the first page again.
  useEffect(() => {
    let previous = api.connectionState();
    return api.onConnectionStateChange(() => {
      const next = api.connectionState();
      if (next === 'live' && (previous === 'reconnecting' || previous === 'offline')) void load(null);
      previous = next;
    });
  }, [api, load]);

  useOnNotice((notice) => {
    arrived.current.set(notice.id, notice);
    setNotices((current) => (current === null ? current : upsert(current, notice)));
  });

  const replace = (notice: NoticeFieldsFragment) => setNotices((current) => current?.map((item) => (item.id === notice.id ? notice : item)) ?? null);

  return (
    <section aria-labelledby="notices-title">
      <h1 id="notices-title">Your notices</h1>
      <p className="muted">Decisions by trust and safety that affect you, with the reasons. You may appeal each decision once.</p>
      {notices === null && <p className="muted">Loading your notices…</p>}
      {notices?.length === 0 && <p className="card">You have no notices. Nothing has been decided about your account.</p>}
      <ul className="mod-list" data-testid="notices">
        {notices?.map((notice) => (
          <li key={notice.id} className="card mod-item" data-testid="notice">
            <NoticeCard notice={notice} onChange={replace} />
          </li>
        ))}
      </ul>
      {next && (
        <button type="button" className="button load-more" disabled={loading} onClick={() => void load(next)}>
          Load more
        </button>
      )}
    </section>
  );
}

function NoticeCard(props: { notice: NoticeFieldsFragment; onChange(notice: NoticeFieldsFragment): void }) {
  const { notice } = props;
  const { navigate } = useSession();
  const roomLink = notice.room
    ? {
        href: pathOf({ page: 'room', roomId: notice.room.id }),
        onClick: (event: MouseEvent) => {
          event.preventDefault();
          if (notice.room) navigate({ page: 'room', roomId: notice.room.id });
        },
      }
    : null;
  return (
    <article aria-labelledby={`notice-${notice.id}`}>
      <h2 id={`notice-${notice.id}`} className="h3">
        {NOTICE_ACTION_LABELS[notice.action]}
      </h2>
      <div className="mod-meta muted small">
        <span>Policy: {CATEGORY_LABELS[notice.category]}</span>
        <span>Decided {formatWhen(notice.createdAt)}</span>
        {notice.expiresAt && <span>In force until {formatWhen(notice.expiresAt)}</span>}
        {notice.room && roomLink && (
          <span>
            Room: <a {...roomLink}>{notice.room.title}</a>
          </span>
        )}
      </div>
      <h3 className="small">Statement of reasons</h3>
      <p className="mod-reason">{notice.reason}</p>
      {notice.appeal ? (
        <div className="banner" role="status" data-testid="appeal-status">
          <strong>{APPEAL_STATUS_LABELS[notice.appeal.status]}</strong>
          <p className="small">
            You appealed {formatWhen(notice.appeal.createdAt)}: <q>{notice.appeal.statement}</q>
          </p>
          {notice.appeal.decisionNote && (
            <p className="small">
              Staff answered{notice.appeal.decidedAt ? ` ${formatWhen(notice.appeal.decidedAt)}` : ''}: {notice.appeal.decisionNote}
            </p>
          )}
        </div>
      ) : (
        <AppealForm notice={notice} onChange={props.onChange} />
      )}
    </article>
  );
}

function AppealForm(props: { notice: NoticeFieldsFragment; onChange(notice: NoticeFieldsFragment): void }) {
  const { api } = useSession();
  const fieldId = useId();
  const errorId = useId();
  const [statement, setStatement] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    if (statement.trim() === '') {
      setError('Please say why the decision should be reviewed.');
      return;
    }
    setBusy(true);
    setError(null);
    try {
      props.onChange((await api.mutate(APPEAL_DECISION, { input: { noticeId: props.notice.id, statement: statement.trim() } })).appealModerationDecision);
    } catch (failure) {
      const message = toastForError(failure);
      setError(message.code === 'CONFLICT' ? 'You have already appealed this decision.' : message.detail || message.title);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form
      className="decision-form"
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <label htmlFor={fieldId}>Appeal: why should this decision be reviewed?</label>
      <textarea
        id={fieldId}
        rows={3}
        maxLength={APPEAL_STATEMENT_MAX}
        value={statement}
        aria-invalid={error !== null}
        aria-describedby={error ? errorId : undefined}
        onChange={(event) => setStatement(event.target.value)}
      />
      {error && (
        <p className="field-error" id={errorId} role="alert">
          {error}
        </p>
      )}
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={busy}>
          {busy ? 'Sending…' : 'Send appeal'}
        </button>
      </div>
    </form>
  );
}
