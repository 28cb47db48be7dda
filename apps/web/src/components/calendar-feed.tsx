import { useId, useState } from 'react';

import { CALENDAR_FEED_URL_QUERY, ROTATE_CALENDAR_FEED } from '../api/operations';
import { useSession } from '../app/session';
import { ConfirmDialog } from './confirm-dialog';

/**
 * The viewer's private calendar feed (issue 18): shown on request, copied, or replaced by a new
 * URL (the old one stops working at once). Calendar apps refresh subscriptions only every few
 * hours, so the feed never says a room is live now.
 */
export function CalendarFeed() {
  const { api, showError } = useSession();
  const [url, setUrl] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [confirmRotate, setConfirmRotate] = useState(false);
  const [status, setStatus] = useState('');
  const inputId = useId();

  const run = async (work: () => Promise<string>, done: string) => {
    setBusy(true);
    try {
      setUrl(await work());
      setStatus(done);
    } catch (error) {
      showError(error);
    } finally {
      setBusy(false);
    }
  };
  const show = () => run(async () => (await api.query(CALENDAR_FEED_URL_QUERY, {})).viewerCalendarFeedUrl, '');
  const rotate = () => run(async () => (await api.mutate(ROTATE_CALENDAR_FEED, {})).rotateCalendarFeed, 'New feed URL made: the old one no longer works.');

  return (
    <section className="card" aria-labelledby="calendar-feed-title" data-testid="calendar-feed">
      <h2 id="calendar-feed-title">Calendar feed</h2>
      <p className="muted small">
        Subscribe to this private URL in your calendar app: the rooms you asked to be reminded of, and the rooms scheduled by people you follow with “All”. Calendar apps refresh it every few hours, so it never shows who is live right now. Anyone with the URL can read it.
      </p>
      {url === null ? (
        <button type="button" className="button" disabled={busy} onClick={() => void show()}>
          Show feed URL
        </button>
      ) : (
        <>
          <div className="field">
            <label htmlFor={inputId}>Feed URL</label>
            <input id={inputId} type="text" readOnly value={url} onFocus={(event) => event.target.select()} data-testid="calendar-feed-url" />
          </div>
          <div className="form-actions">
            <button
              type="button"
              className="button"
              onClick={() => {
                navigator.clipboard.writeText(url).then(
                  () => setStatus('Feed URL copied.'),
                  () => setStatus('Copy failed: select the URL and copy it.'),
                );
              }}
            >
              Copy
            </button>
            <button type="button" className="button" disabled={busy} onClick={() => setConfirmRotate(true)}>
              New URL
            </button>
          </div>
        </>
      )}
      <p role="status" className="muted small">
        {status}
      </p>
      {confirmRotate && (
        <ConfirmDialog
          title="Make a new feed URL?"
          message="The current URL stops working at once: calendars subscribed to it must subscribe to the new one."
          confirmLabel="New URL"
          onCancel={() => setConfirmRotate(false)}
          onConfirm={() => {
            setConfirmRotate(false);
            void rotate();
          }}
        />
      )}
    </section>
  );
}
