import { type MouseEvent, useCallback, useId, useState } from 'react';

import { toastForError } from '../api/api-error';
import { MODERATION_APPEALS, MODERATION_LOG, MODERATION_QUEUE, RESOLVE_APPEAL, RESOLVE_REPORT } from '../api/operations';
import { pathOf, type Route, type StaffTab } from '../app/route';
import { useSession } from '../app/session';
import type { ModerationAction, ModerationLogQuery, ModerationQueueQuery, NoticeFieldsFragment, ReportStatus } from '../gql/graphql';
import { ROLE_LABELS } from '../room/room-actions';
import { APPEAL_STATUS_LABELS, CATEGORY_LABELS, DECISION_LABELS, eventTypeLabel, formatWhen, logActionLabel, NOTICE_ACTION_LABELS } from './moderation-labels';
import { usePagedList } from './use-paged-list';

type Report = ModerationQueueQuery['moderationQueue']['edges'][number]['node'];
type LogEntry = ModerationLogQuery['moderationLog']['edges'][number]['node'];

const TABS: readonly { readonly tab: StaffTab; readonly label: string }[] = [
  { tab: 'reports', label: 'Reports' },
  { tab: 'appeals', label: 'Appeals' },
  { tab: 'log', label: 'Audit log' },
];

const STATUS_LABELS: Readonly<Record<ReportStatus, string>> = { OPEN: 'Open', ACTIONED: 'Actioned', DISMISSED: 'Dismissed' };
const DECISIONS: readonly ModerationAction[] = ['DISMISS', 'WARN', 'REMOVE_FROM_ROOM', 'SUSPEND'];

/** The API's limit on a staff note (characters). */
export const STAFF_NOTE_MAX = 2000;

function useLink() {
  const { navigate } = useSession();
  return (to: Route) => ({
    href: pathOf(to),
    onClick: (event: MouseEvent) => {
      event.preventDefault();
      navigate(to);
    },
  });
}

/** Trust and safety staff: the report queue with its evidence, open appeals, and the audit log. */
export function StaffPage(props: { tab: StaffTab }) {
  const link = useLink();
  return (
    <section aria-labelledby="staff-title">
      <h1 id="staff-title">Trust and safety</h1>
      <nav className="tabs" aria-label="Trust and safety">
        {TABS.map(({ tab, label }) => (
          <a key={tab} className="button button-small" {...link({ page: 'staff', tab })} aria-current={props.tab === tab ? 'page' : undefined}>
            {label}
          </a>
        ))}
      </nav>
      {props.tab === 'reports' && <ReportQueue />}
      {props.tab === 'appeals' && <AppealQueue />}
      {props.tab === 'log' && <AuditLog />}
    </section>
  );
}

function Forbidden() {
  return (
    <p className="card" role="alert" data-testid="staff-forbidden">
      These pages are for trust and safety staff only. Your account does not have that role; if it should, ask an administrator to grant it in the staff record (npm run staff -- grant), then sign in again.
    </p>
  );
}

function LoadMore(props: { hasMore: boolean; loading: boolean; onLoadMore(): Promise<void> }) {
  if (!props.hasMore) return null;
  return (
    <button type="button" className="button load-more" disabled={props.loading} onClick={() => void props.onLoadMore()}>
      {props.loading ? 'Loading…' : 'Load more'}
    </button>
  );
}

function ReportQueue() {
  const { api, showError } = useSession();
  const [status, setStatus] = useState<ReportStatus>('OPEN');
  const statusId = useId();
  const fetchPage = useCallback(
    async (after: string | null) => {
      const { moderationQueue: page } = await api.query(MODERATION_QUEUE, { status, after });
      return { nodes: page.edges.map((edge) => edge.node), next: page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null, total: page.totalCount };
    },
    [api, status],
  );
  const list = usePagedList<Report>(fetchPage, showError);
  if (list.forbidden) return <Forbidden />;
  return (
    <section aria-labelledby="reports-title">
      <h2 id="reports-title">
        Reports {list.total !== null && <span className="count">{list.total}</span>}
      </h2>
      <div className="inline-label">
        <label htmlFor={statusId}>Show</label>
        <select id={statusId} value={status} onChange={(event) => setStatus(event.target.value as ReportStatus)}>
          {(Object.keys(STATUS_LABELS) as ReportStatus[]).map((value) => (
            <option key={value} value={value}>
              {STATUS_LABELS[value]} reports
            </option>
          ))}
        </select>
      </div>
      {list.items === null && <p className="muted">Loading reports…</p>}
      {list.items?.length === 0 && <p className="muted">No {STATUS_LABELS[status].toLowerCase()} reports.</p>}
      <ol className="mod-list" data-testid="report-queue">
        {list.items?.map((report) => (
          <li key={report.id} className="card mod-item" data-testid="report">
            <ReportCard report={report} onResolved={list.replace} />
          </li>
        ))}
      </ol>
      <LoadMore hasMore={list.hasMore} loading={list.loading} onLoadMore={list.loadMore} />
    </section>
  );
}

function ReportCard(props: { report: Report; onResolved(report: Report): void }) {
  const { report } = props;
  const link = useLink();
  const who = report.reportedProfile?.displayName ?? 'the room';
  const evidence = report.evidence;

  return (
    <article aria-labelledby={`report-${report.id}`}>
      <h3 id={`report-${report.id}`}>
        {CATEGORY_LABELS[report.category]}: {report.reportedProfile ? <a {...link({ page: 'profile', profileId: report.reportedProfile.id })}>{who}</a> : who}
      </h3>
      <div className="mod-meta muted small">
        <span>
          Room: <a {...link({ page: 'room', roomId: report.room.id })}>{report.room.title}</a>
        </span>
        <span>Reported {formatWhen(report.createdAt)}</span>
        <span data-testid="distinct-reporters">
          {report.distinctReporters} {report.distinctReporters === 1 ? 'person reported' : 'people reported'} {report.reportedProfile ? 'them' : 'it'} here
        </span>
        <span>Status: {STATUS_LABELS[report.status]}</span>
      </div>
      {report.details && (
        <p className="mod-reason">
          <strong>Reporter said:</strong> {report.details}
        </p>
      )}
      {evidence && (
        <details className="evidence" open={report.status === 'OPEN'}>
          <summary>Evidence from {formatWhen(evidence.capturedAt)}</summary>
          <p className="small">
            Room “{evidence.roomTitle}” as it was when reported, <time dateTime={evidence.capturedAt}>{formatWhen(evidence.capturedAt)}</time>.{' '}
            {evidence.reportedRole && `${who} was ${ROLE_LABELS[evidence.reportedRole].toLowerCase()}${evidence.reportedJoinedAt ? ` (joined ${formatWhen(evidence.reportedJoinedAt)})` : ''}. `}
            {evidence.reporterRole && `The reporter was ${ROLE_LABELS[evidence.reporterRole].toLowerCase()}.`}
          </p>
          {evidence.questionText && (
            <p className="small" data-testid="reported-question">
              The reported question, as it read when reported: <q>{evidence.questionText}</q>
            </p>
          )}
          {evidence.chatContext.length > 0 && (
            <>
              <strong className="small">The chat around the reported message, as it was when reported</strong>
              <ol className="small" data-testid="chat-context">
                {evidence.chatContext.map((message) => (
                  <li key={message.messageId} data-reported={message.reported || undefined}>
                    {message.reported && <strong>Reported: </strong>}
                    <time dateTime={message.at}>{formatWhen(message.at)}</time> {message.author?.displayName ?? 'A profile that no longer exists'}: <q>{message.text}</q>
                    {message.deleted && <em> (deleted before the report)</em>}
                  </li>
                ))}
              </ol>
            </>
          )}
          {evidence.reportedHandQuestion && (
            <p className="small">
              Their raised-hand question: <q>{evidence.reportedHandQuestion}</q>
            </p>
          )}
          <strong className="small">On stage</strong>
          {evidence.stage.length === 0 ? (
            <p className="muted small">Nobody.</p>
          ) : (
            <ul className="small">
              {evidence.stage.map((member) => (
                <li key={member.profileId}>
                  {member.displayName}, {ROLE_LABELS[member.role].toLowerCase()}
                  {member.muted ? ', muted' : ''}
                </li>
              ))}
            </ul>
          )}
          <strong className="small">Recent events</strong>
          {evidence.recentEvents.length === 0 ? (
            <p className="muted small">None.</p>
          ) : (
            <ol className="small">
              {evidence.recentEvents.map((event) => (
                <li key={`${event.version}-${event.type}`}>
                  <time dateTime={event.at}>{formatWhen(event.at)}</time>: {eventTypeLabel(event.type)}
                  {event.profile ? ` (${event.profile.displayName})` : event.profileId ? ' (a profile that no longer exists)' : ''}
                </li>
              ))}
            </ol>
          )}
        </details>
      )}
      {report.status === 'OPEN' ? (
        <DecisionForm report={report} onResolved={props.onResolved} />
      ) : (
        <p className="small" role="status">
          Decided{report.resolvedAt ? ` ${formatWhen(report.resolvedAt)}` : ''}: {report.action ? DECISION_LABELS[report.action] : STATUS_LABELS[report.status]}
          {report.resolutionNote ? `. Note: ${report.resolutionNote}` : ''}
        </p>
      )}
    </article>
  );
}

function DecisionForm(props: { report: Report; onResolved(report: Report): void }) {
  const { report } = props;
  const { api } = useSession();
  const actionId = useId();
  const noteId = useId();
  const errorId = useId();
  const [action, setAction] = useState<ModerationAction>('DISMISS');
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const who = report.reportedProfile?.displayName ?? 'the room';
  const submit = async () => {
    setBusy(true);
    setError(null);
    try {
      const trimmed = note.trim();
      const { resolveReport } = await api.mutate(RESOLVE_REPORT, { input: { reportId: report.id, action, note: trimmed === '' ? null : trimmed } });
      props.onResolved({ ...report, ...resolveReport });
    } catch (failure) {
      const message = toastForError(failure);
      setError(message.detail || message.title);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form
      className="decision-form"
      aria-label={`Decision on the report about ${who}`}
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <label htmlFor={actionId}>Decision</label>
      <select id={actionId} value={action} onChange={(event) => setAction(event.target.value as ModerationAction)}>
        {DECISIONS.map((value) => (
          <option key={value} value={value}>
            {DECISION_LABELS[value]}
          </option>
        ))}
      </select>
      <label htmlFor={noteId}>Note (shown to {who} with the decision)</label>
      <textarea id={noteId} rows={2} maxLength={STAFF_NOTE_MAX} value={note} aria-describedby={error ? errorId : undefined} onChange={(event) => setNote(event.target.value)} />
      {error && (
        <p className="field-error" id={errorId} role="alert">
          {error}
        </p>
      )}
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={busy}>
          Decide<span className="visually-hidden"> on the report about {who}</span>
        </button>
      </div>
    </form>
  );
}

function AppealQueue() {
  const { api, showError } = useSession();
  const fetchPage = useCallback(
    async (after: string | null) => {
      const { moderationAppeals: page } = await api.query(MODERATION_APPEALS, { after });
      return { nodes: page.edges.map((edge) => edge.node), next: page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null };
    },
    [api],
  );
  const list = usePagedList<NoticeFieldsFragment>(fetchPage, showError);
  if (list.forbidden) return <Forbidden />;
  return (
    <section aria-labelledby="appeals-title">
      <h2 id="appeals-title">Open appeals</h2>
      {list.items === null && <p className="muted">Loading appeals…</p>}
      {list.items?.length === 0 && <p className="muted">No open appeals.</p>}
      <ol className="mod-list" data-testid="appeal-queue">
        {list.items?.map((notice) => (
          <li key={notice.id} className="card mod-item" data-testid="appeal">
            <AppealCard notice={notice} onResolved={list.replace} />
          </li>
        ))}
      </ol>
      <LoadMore hasMore={list.hasMore} loading={list.loading} onLoadMore={list.loadMore} />
    </section>
  );
}

function AppealCard(props: { notice: NoticeFieldsFragment; onResolved(notice: NoticeFieldsFragment): void }) {
  const link = useLink();
  const { notice } = props;
  const { api } = useSession();
  const noteId = useId();
  const errorId = useId();
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const decide = async (upheld: boolean) => {
    if (note.trim() === '') {
      setError('Please write a note: the person reads it with your answer.');
      return;
    }
    setBusy(true);
    setError(null);
    try {
      props.onResolved((await api.mutate(RESOLVE_APPEAL, { input: { noticeId: notice.id, upheld, note: note.trim() } })).resolveAppeal);
    } catch (failure) {
      const message = toastForError(failure);
      setError(message.detail || message.title);
    } finally {
      setBusy(false);
    }
  };
  const title = `${NOTICE_ACTION_LABELS[notice.action]} (${CATEGORY_LABELS[notice.category]})`;
  return (
    <article aria-labelledby={`appeal-${notice.id}`}>
      <h3 id={`appeal-${notice.id}`}>{title}</h3>
      <p className="small" data-testid="appellant">
        Appealed by{' '}
        {notice.subject ? <a {...link({ page: 'profile', profileId: notice.subject.id })}>{notice.subject.displayName}</a> : 'a profile that no longer exists'}
        {notice.appeal && (
          <>
            {' '}
            on <time dateTime={notice.appeal.createdAt}>{formatWhen(notice.appeal.createdAt)}</time>
          </>
        )}
      </p>
      <div className="mod-meta muted small">
        <span>Decided {formatWhen(notice.createdAt)}</span>
        {notice.room && <span>Room: {notice.room.title}</span>}
      </div>
      <p className="mod-reason">
        <strong>Reasons given:</strong> {notice.reason}
      </p>
      {notice.appeal && (
        <p className="mod-reason">
          <strong>Appeal:</strong> <q>{notice.appeal.statement}</q>
        </p>
      )}
      {notice.appeal && notice.appeal.status !== 'OPEN' ? (
        <p role="status" className="small">
          {APPEAL_STATUS_LABELS[notice.appeal.status]}
          {notice.appeal.decisionNote ? `. Note: ${notice.appeal.decisionNote}` : ''}
        </p>
      ) : (
        <form className="decision-form" aria-label={`Answer to the appeal against: ${title}`} onSubmit={(event) => event.preventDefault()}>
          <label htmlFor={noteId}>Note to the person</label>
          <textarea id={noteId} rows={2} maxLength={STAFF_NOTE_MAX} value={note} aria-invalid={error !== null} aria-describedby={error ? errorId : undefined} onChange={(event) => setNote(event.target.value)} />
          {error && (
            <p className="field-error" id={errorId} role="alert">
              {error}
            </p>
          )}
          <div className="form-actions">
            <button type="button" className="button" disabled={busy} onClick={() => void decide(true)}>
              Uphold decision
            </button>
            <button type="button" className="button button-primary" disabled={busy} onClick={() => void decide(false)}>
              Reverse decision
            </button>
          </div>
        </form>
      )}
    </article>
  );
}

function AuditLog() {
  const { api, showError } = useSession();
  const fetchPage = useCallback(
    async (after: string | null) => {
      const { moderationLog: page } = await api.query(MODERATION_LOG, { after });
      return { nodes: page.edges.map((edge) => edge.node), next: page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null };
    },
    [api],
  );
  const list = usePagedList<LogEntry>(fetchPage, showError);
  if (list.forbidden) return <Forbidden />;
  return (
    <section aria-labelledby="log-title">
      <h2 id="log-title">Audit log</h2>
      {list.items === null && <p className="muted">Loading the log…</p>}
      {list.items?.length === 0 && <p className="muted">Nothing has been logged yet.</p>}
      {list.items && list.items.length > 0 && (
        <div className="table-scroll">
          <table className="log-table" data-testid="audit-log">
            <caption className="visually-hidden">Moderation actions, newest first</caption>
            <thead>
              <tr>
                <th scope="col">When</th>
                <th scope="col">Action</th>
                <th scope="col">By</th>
                <th scope="col">About</th>
                <th scope="col">Room</th>
                <th scope="col">Note</th>
              </tr>
            </thead>
            <tbody>
              {list.items.map((entry) => (
                <tr key={entry.id} data-testid="log-entry">
                  <td>{formatWhen(entry.at)}</td>
                  <td>{logActionLabel(entry.action)}</td>
                  <td>{entry.actor?.displayName ?? 'Automatic'}</td>
                  <td>{entry.subject?.displayName ?? '—'}</td>
                  <td>{entry.room?.title ?? '—'}</td>
                  <td>{entry.note ?? ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <LoadMore hasMore={list.hasMore} loading={list.loading} onLoadMore={list.loadMore} />
    </section>
  );
}
