import { ROOM_LIMITS } from '@roundtable/domain';
import { type FormEvent, useEffect, useId, useState } from 'react';

import { ApiError } from '../api/api-error';
import { CREATE_ROOM, TOPICS_QUERY, VIEWER_GROUPS } from '../api/operations';
import { useSession } from '../app/session';
import type { RoomVisibility, TopicsQuery, ViewerGroupsQuery } from '../gql/graphql';
import { PeoplePicker } from './people-picker';
import type { PickedPerson } from './people-picker-state';
import { TopicPicker } from './topic-picker';

type Field = 'title' | 'description' | 'topics' | 'visibility' | 'groupId' | 'inviteeIds' | 'maxSpeakers' | 'scheduledFor';

const VISIBILITY: readonly { readonly value: RoomVisibility; readonly label: string; readonly hint: string }[] = [
  { value: 'PUBLIC', label: 'Public', hint: 'Anyone signed in can find and join it.' },
  { value: 'GROUP', label: 'Group', hint: 'Only members of the group you pick.' },
  { value: 'PRIVATE', label: 'Private', hint: 'Only the people you invite.' },
];

/** The group picker offers the viewer's groups, most recently joined first (one page, the API's largest). */
const GROUP_PICKER_LIMIT = 100;

/** `groupId`: started from a group's page ("Start a room here"): a GROUP room of that group, preselected. */
export function CreateRoomPage(props: { groupId?: string | undefined } = {}) {
  const { api, navigate, showError } = useSession();
  const [topics, setTopics] = useState<TopicsQuery['topics']>([]);
  const [groups, setGroups] = useState<ViewerGroupsQuery['viewerGroups']['edges'][number]['node'][] | null>(null);
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [selected, setSelected] = useState<string[]>([]);
  const [visibility, setVisibility] = useState<RoomVisibility>(props.groupId ? 'GROUP' : 'PUBLIC');
  const [groupId, setGroupId] = useState(props.groupId ?? '');
  const [invitees, setInvitees] = useState<PickedPerson[]>([]);
  const [maxSpeakers, setMaxSpeakers] = useState(String(ROOM_LIMITS.maxSpeakersDefault));
  const [scheduledFor, setScheduledFor] = useState('');
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [busy, setBusy] = useState(false);
  const baseId = useId();
  const idOf = (field: Field) => `${baseId}-${field}`;

  useEffect(() => {
    api.query(TOPICS_QUERY, {}).then((data) => setTopics(data.topics), showError);
  }, [api, showError]);

  const wantsGroups = visibility === 'GROUP' && groups === null;
  useEffect(() => {
    if (!wantsGroups) return;
    let current = true;
    api.query(VIEWER_GROUPS, { first: GROUP_PICKER_LIMIT }).then(
      (data) => current && setGroups(data.viewerGroups.edges.map((edge) => edge.node)),
      (error: unknown) => {
        if (!current) return;
        setGroups([]);
        showError(error);
      },
    );
    return () => {
      current = false;
    };
  }, [api, showError, wantsGroups]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setErrors({});
    try {
      const input = {
        title,
        description: description.trim() || null,
        topics: selected,
        visibility,
        groupId: visibility === 'GROUP' ? groupId || null : null,
        inviteeIds: visibility === 'PRIVATE' ? invitees.map((person) => person.id) : null,
        maxSpeakers: Number(maxSpeakers),
        // datetime-local has no zone: read it in the browser's zone, send an ISO instant.
        scheduledFor: scheduledFor ? new Date(scheduledFor).toISOString() : null,
      };
      const { createRoom } = await api.mutate(CREATE_ROOM, { input });
      navigate({ page: 'room', roomId: createRoom.id });
    } catch (error) {
      if (error instanceof ApiError && Object.keys(error.fieldErrors).length > 0) setErrors(error.fieldErrors);
      else showError(error);
      setBusy(false);
    }
  }

  const fieldError = (field: Field) =>
    errors[field] ? (
      <p className="field-error" id={`${idOf(field)}-error`} role="alert">
        {errors[field]}
      </p>
    ) : null;
  const describedBy = (field: Field, hint?: string) => [hint, errors[field] ? `${idOf(field)}-error` : null].filter(Boolean).join(' ') || undefined;

  return (
    <section className="card form-card" aria-labelledby="create-title">
      <h1 id="create-title">Start a room</h1>
      <form onSubmit={(event) => void submit(event)} noValidate>
        <label htmlFor={idOf('title')}>Title</label>
        <input
          id={idOf('title')}
          name="title"
          value={title}
          maxLength={ROOM_LIMITS.titleMax + 20}
          aria-invalid={errors.title !== undefined}
          aria-describedby={describedBy('title')}
          onChange={(event) => setTitle(event.target.value)}
        />
        {fieldError('title')}

        <label htmlFor={idOf('description')}>Description (optional)</label>
        <textarea id={idOf('description')} name="description" rows={3} value={description} aria-describedby={describedBy('description')} onChange={(event) => setDescription(event.target.value)} />
        {fieldError('description')}

        <TopicPicker
          label="Topics"
          topics={topics}
          selected={selected}
          max={ROOM_LIMITS.topicsMax}
          onChange={setSelected}
          invalid={errors.topics !== undefined}
          describedBy={describedBy('topics')}
        />
        {fieldError('topics')}

        <fieldset className="visibility">
          <legend>Who can join</legend>
          {VISIBILITY.map((option) => (
            <label key={option.value} className="radio">
              <input type="radio" name="visibility" value={option.value} checked={visibility === option.value} onChange={() => setVisibility(option.value)} />
              <span>
                <strong>{option.label}</strong> <span className="muted small">{option.hint}</span>
              </span>
            </label>
          ))}
        </fieldset>
        {fieldError('visibility')}
        {visibility === 'GROUP' && (
          <>
            <label htmlFor={idOf('groupId')}>Group</label>
            <select
              id={idOf('groupId')}
              value={groupId}
              aria-invalid={errors.groupId !== undefined}
              aria-describedby={describedBy('groupId', `${idOf('groupId')}-hint`)}
              onChange={(event) => setGroupId(event.target.value)}
            >
              <option value="">{groups === null ? 'Loading your groups…' : 'Pick one of your groups'}</option>
              {(groups ?? []).map((group) => (
                <option key={group.id} value={group.id}>
                  {group.name}
                </option>
              ))}
            </select>
            <p className="hint" id={`${idOf('groupId')}-hint`}>
              {groups?.length === 0 ? 'You are in no group yet: create or join one on the Groups page.' : 'Only groups you belong to.'}
            </p>
            {fieldError('groupId')}
          </>
        )}
        {visibility === 'PRIVATE' && (
          <>
            <PeoplePicker
              label="Invitees"
              chosen={invitees}
              max={ROOM_LIMITS.inviteesMax}
              onChange={setInvitees}
              invalid={errors.inviteeIds !== undefined}
              describedBy={describedBy('inviteeIds')}
            />
            {fieldError('inviteeIds')}
          </>
        )}

        <div className="form-row">
          <div>
            <label htmlFor={idOf('maxSpeakers')}>Speakers on stage (max)</label>
            <input
              id={idOf('maxSpeakers')}
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
            <label htmlFor={idOf('scheduledFor')}>Scheduled time (optional)</label>
            <input
              id={idOf('scheduledFor')}
              name="scheduledFor"
              type="datetime-local"
              value={scheduledFor}
              aria-invalid={errors.scheduledFor !== undefined}
              aria-describedby={describedBy('scheduledFor', `${idOf('scheduledFor')}-hint`)}
              onChange={(event) => setScheduledFor(event.target.value)}
            />
            <p className="hint" id={`${idOf('scheduledFor')}-hint`}>
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
