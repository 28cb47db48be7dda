import { type FormEvent, useCallback, useEffect, useId, useState } from 'react';

import { ApiError, toastForError } from '../../api/api-error';
import { CANCEL_ROOM, RESCHEDULE_ROOM, ROOM_SCHEDULE_QUERY, SET_ROOM_REMINDER } from '../../api/operations';
import { useSession } from '../../app/session';
import { ConfirmDialog } from '../../components/confirm-dialog';
import type { RoomScheduleFieldsFragment } from '../../gql/graphql';
import { countOf } from '../room-actions';

/** What the reminder and calendar controls read of a room (a card's or the room page's). */
export type ReminderRoom = Pick<RoomScheduleFieldsFragment, 'id' | 'reminderCount' | 'viewerWantsReminder' | 'calendarUrl'> & { readonly title: string };

/**
 * "Remind me" (`setRoomReminder`, a toggle showing how many asked) and "Add to calendar" (a link to
 * the room's iCalendar event, `calendarUrl`), for a scheduled room. The room's title is in both
 * accessible names, so a list of cards reads "Remind me about …" for each. A host is never
 * notified about their own room, so a host gets no "Remind me", only the count and the link.
 */
export function ReminderControls(props: {
  room: ReminderRoom;
  viewerIsHost: boolean;
  /** false on the room page, whose header has its own "Add to calendar". */
  calendarLink?: boolean;
  onChange?(room: RoomScheduleFieldsFragment): void;
}) {
  const { api, showError } = useSession();
  const { room } = props;
  const [state, setState] = useState({ wants: room.viewerWantsReminder, count: room.reminderCount });
  const [busy, setBusy] = useState(false);
  useEffect(() => setState({ wants: room.viewerWantsReminder, count: room.reminderCount }), [room.viewerWantsReminder, room.reminderCount]);

  const toggle = async () => {
    setBusy(true);
    try {
      const { setRoomReminder } = await api.mutate(SET_ROOM_REMINDER, { roomId: room.id, remind: !state.wants });
      setState({ wants: setRoomReminder.viewerWantsReminder, count: setRoomReminder.reminderCount });
      props.onChange?.(setRoomReminder);
    } catch (error) {
      showError(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="reminder-controls">
      {!props.viewerIsHost && (
        <button type="button" className={`button button-small ${state.wants ? '' : 'button-primary'}`} aria-pressed={state.wants} disabled={busy} onClick={() => void toggle()}>
          {state.wants ? 'Reminder set' : 'Remind me'}
          <span className="visually-hidden"> about {room.title}</span>
        </button>
      )}
      {props.calendarLink !== false && (
        <a className="button button-small" href={room.calendarUrl} download aria-label={`Add to calendar: ${room.title}`}>
          Add to calendar
        </a>
      )}
      <span className="muted small" data-testid="reminder-count">
        {countOf(state.count, 'reminder')}
      </span>
    </div>
  );
}

/** A datetime-local value ("2026-12-07T18:30") for an ISO instant, in the browser's time zone. */
export function localInputValue(iso: string | null): string {
  if (!iso) return '';
  const date = new Date(iso);
  return new Date(date.getTime() - date.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
}

/**
 * A scheduled room on its page: the reminder and calendar controls for everyone, and for its host
 * "Reschedule" (a datetime input; refusals shown under it with the field's label) and "Cancel room"
 * (confirmed first). `onChanged` reloads the room page after a reschedule or cancellation.
 */
export function ScheduledRoomPanel(props: { roomId: string; title: string; scheduledFor: string | null; viewerIsHost: boolean; onChanged(): void }) {
  const { api, showError } = useSession();
  const { roomId, onChanged } = props;
  const [room, setRoom] = useState<RoomScheduleFieldsFragment | null>(null);
  const load = useCallback(() => {
    let current = true;
    api.query(ROOM_SCHEDULE_QUERY, { id: roomId }).then(
      (data) => current && setRoom(data.room),
      (error: unknown) => current && showError(error),
    );
    return () => {
      current = false;
    };
  }, [api, roomId, showError]);
  // The room page's own scheduledFor changes after a reschedule: read the counts again then.
  useEffect(load, [load, props.scheduledFor]);

  if (!room || room.status !== 'SCHEDULED') return null;
  return (
    <section className="card scheduled-panel" aria-label="Reminders and calendar" data-testid="scheduled-panel">
      <ReminderControls room={{ ...room, title: props.title }} viewerIsHost={props.viewerIsHost} calendarLink={false} onChange={setRoom} />
      {props.viewerIsHost && <HostScheduleControls room={room} onChanged={onChanged} />}
    </section>
  );
}

function HostScheduleControls(props: { room: RoomScheduleFieldsFragment; onChanged(): void }) {
  const { api, showError } = useSession();
  const { room, onChanged } = props;
  const fieldId = useId();
  const [when, setWhen] = useState(localInputValue(room.scheduledFor));
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [confirmCancel, setConfirmCancel] = useState(false);
  const [done, setDone] = useState('');

  const reschedule = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    setDone('');
    const date = new Date(when);
    if (when === '' || Number.isNaN(date.getTime())) {
      setError('Scheduled time: please pick a date and time.');
      return;
    }
    setBusy(true);
    try {
      await api.mutate(RESCHEDULE_ROOM, { roomId: room.id, scheduledFor: date.toISOString() });
      setDone('Rescheduled. Everyone who asked for a reminder is told.');
      onChanged();
    } catch (failure) {
      // A refused time (in the past, too far ahead) names the field by its label; a room that is no
      // longer SCHEDULED is a CONFLICT in plain words.
      if (failure instanceof ApiError && (failure.fieldErrors['scheduledFor'] || failure.code === 'BAD_USER_INPUT' || failure.code === 'CONFLICT')) {
        const message = toastForError(failure);
        setError(failure.fieldErrors['scheduledFor'] ?? (message.detail || message.title));
      } else showError(failure);
    } finally {
      setBusy(false);
    }
  };

  const cancel = async () => {
    setBusy(true);
    try {
      await api.mutate(CANCEL_ROOM, { roomId: room.id });
      onChanged();
    } catch (failure) {
      showError(failure);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="host-schedule">
      <form className="reschedule-form" onSubmit={(event) => void reschedule(event)} noValidate>
        <div className="field">
          <label htmlFor={fieldId}>New time</label>
          <input
            id={fieldId}
            type="datetime-local"
            value={when}
            aria-invalid={error !== null}
            aria-describedby={error ? `${fieldId}-error` : undefined}
            onChange={(event) => setWhen(event.target.value)}
          />
        </div>
        <button type="submit" className="button" disabled={busy}>
          Reschedule
        </button>
        <button type="button" className="button button-danger" disabled={busy} onClick={() => setConfirmCancel(true)}>
          Cancel room
        </button>
      </form>
      {error && (
        <p className="field-error" id={`${fieldId}-error`} role="alert" data-testid="reschedule-error">
          {error}
        </p>
      )}
      <p className="muted small" role="status">
        {done}
      </p>
      {confirmCancel && (
        <ConfirmDialog
          title="Cancel this room?"
          message="It will never start. Everyone who asked for a reminder is told, and calendars show it as cancelled."
          confirmLabel="Cancel room"
          danger
          onCancel={() => setConfirmCancel(false)}
          onConfirm={() => {
            setConfirmCancel(false);
            void cancel();
          }}
        />
      )}
    </div>
  );
}
