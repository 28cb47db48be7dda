import { ROOM_LIMITS } from '@roundtable/domain';
import { type FormEvent, useEffect, useId, useState } from 'react';

import { ApiError } from '../api/api-error';
import { CREATE_ROOM, TOPICS_QUERY } from '../api/operations';
import type { Topic } from '../api/types';
import { useSession } from '../app/session';

type Field = 'title' | 'description' | 'topics' | 'maxSpeakers' | 'scheduledFor';

export function CreateRoomPage() {
  const { request, navigate, showError } = useSession();
  const [topics, setTopics] = useState<Topic[]>([]);
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [selected, setSelected] = useState<string[]>([]);
  const [maxSpeakers, setMaxSpeakers] = useState(String(ROOM_LIMITS.maxSpeakersDefault));
  const [scheduledFor, setScheduledFor] = useState('');
  const [errors, setErrors] = useState<Partial<Record<Field | 'form', string>>>({});
  const [busy, setBusy] = useState(false);
  const ids = { title: useId(), description: useId(), topics: useId(), maxSpeakers: useId(), scheduledFor: useId() };

  useEffect(() => {
    request<{ topics: Topic[] }>(TOPICS_QUERY).then((data) => setTopics(data.topics), showError);
  }, [request, showError]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setErrors({});
    try {
      const input = {
        title,
        description: description.trim() || null,
        topics: selected,
        maxSpeakers: Number(maxSpeakers),
        // datetime-local has no zone: read it in the browser's zone, send an ISO instant.
        scheduledFor: scheduledFor ? new Date(scheduledFor).toISOString() : null,
      };
      const data = await request<{ createRoom: { id: string } }>(CREATE_ROOM, { input });
      navigate({ page: 'room', roomId: data.createRoom.id });
    } catch (error) {
      if (error instanceof ApiError && Object.keys(error.fieldErrors).length > 0) {
        setErrors(error.fieldErrors);
      } else {
        showError(error);
      }
      setBusy(false);
    }
  }

  const fieldError = (field: Field) =>
    errors[field] ? (
      <p className="field-error" id={`${ids[field]}-error`} role="alert">
        {errors[field]}
      </p>
    ) : null;
  const describedBy = (field: Field, hint?: string) => [hint, errors[field] ? `${ids[field]}-error` : null].filter(Boolean).join(' ') || undefined;

  return (
    <section className="card form-card" aria-labelledby="create-title">
      <h1 id="create-title">Start a room</h1>
      <form onSubmit={submit} noValidate>
        <label htmlFor={ids.title}>Title</label>
        <input
          id={ids.title}
          name="title"
          value={title}
          maxLength={ROOM_LIMITS.titleMax + 20}
          aria-invalid={errors.title !== undefined}
          aria-describedby={describedBy('title')}
          onChange={(event) => setTitle(event.target.value)}
        />
        {fieldError('title')}

        <label htmlFor={ids.description}>Description (optional)</label>
        <textarea id={ids.description} name="description" rows={3} value={description} onChange={(event) => setDescription(event.target.value)} />
        {fieldError('description')}

        <label htmlFor={ids.topics}>Topics</label>
        <select
          id={ids.topics}
          name="topics"
          multiple
          size={Math.min(8, Math.max(3, topics.length))}
          value={selected}
          aria-invalid={errors.topics !== undefined}
          aria-describedby={describedBy('topics', `${ids.topics}-hint`)}
          onChange={(event) => setSelected(Array.from(event.target.selectedOptions, (option) => option.value))}
        >
          {topics.map((topic) => (
            <option key={topic.slug} value={topic.slug}>
              {topic.name}
            </option>
          ))}
        </select>
        <p className="hint" id={`${ids.topics}-hint`}>
          Ctrl/⌘-click to pick several (at most {ROOM_LIMITS.topicsMax}). {selected.length} selected.
        </p>
        {fieldError('topics')}

        <div className="form-row">
          <div>
            <label htmlFor={ids.maxSpeakers}>Speakers on stage (max)</label>
            <input
              id={ids.maxSpeakers}
              name="maxSpeakers"
              type="number"
              inputMode="numeric"
              value={maxSpeakers}
              aria-invalid={errors.maxSpeakers !== undefined}
              aria-describedby={describedBy('maxSpeakers')}
              onChange={(event) => setMaxSpeakers(event.target.value)}
            />
            {fieldError('maxSpeakers')}
          </div>
          <div>
            <label htmlFor={ids.scheduledFor}>Scheduled time (optional)</label>
            <input
              id={ids.scheduledFor}
              name="scheduledFor"
              type="datetime-local"
              value={scheduledFor}
              aria-invalid={errors.scheduledFor !== undefined}
              aria-describedby={describedBy('scheduledFor', `${ids.scheduledFor}-hint`)}
              onChange={(event) => setScheduledFor(event.target.value)}
            />
            <p className="hint" id={`${ids.scheduledFor}-hint`}>
              Leave empty to go live now.
            </p>
            {fieldError('scheduledFor')}
          </div>
        </div>
        <div className="form-actions">
          <button type="submit" className="button button-primary" disabled={busy}>
            {busy ? 'Creating…' : scheduledFor ? 'Schedule room' : 'Go live'}
          </button>
          <button type="button" className="button" onClick={() => navigate({ page: 'home' })}>
            Cancel
          </button>
        </div>
      </form>
    </section>
  );
}
