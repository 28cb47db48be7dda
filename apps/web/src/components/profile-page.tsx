import { type FormEvent, type ReactNode, useEffect, useId, useState } from 'react';

import { ApiError } from '../api/api-error';
import { BLOCK, FOLLOW, PROFILE_QUERY, SET_FOLLOW_NOTIFICATIONS, TOPICS_QUERY, UNBLOCK, UNFOLLOW, UPDATE_PROFILE } from '../api/operations';
import { pathOf } from '../app/route';
import { useSession } from '../app/session';
import type { FollowNotifications, ProfileFieldsFragment, Seniority, TopicsQuery } from '../gql/graphql';
import { countOf } from '../room/room-actions';
import { Avatar } from './avatar';
import { CalendarFeed } from './calendar-feed';
import { ConfirmDialog } from './confirm-dialog';
import { TopicChips } from './topic-chips';
import { TopicPicker } from './topic-picker';

const SENIORITY_LABELS: Readonly<Record<Seniority, string>> = {
  ENTRY: 'Entry level',
  MID: 'Mid level',
  SENIOR: 'Senior',
  LEAD: 'Lead',
  MANAGER: 'Manager',
  DIRECTOR: 'Director',
  EXECUTIVE: 'Executive',
};

/** The viewer's own profile (editable) or someone else's (follow / unfollow). */
export function ProfilePage(props: { profileId: string | null }) {
  const { api, viewer, showError } = useSession();
  const profileId = props.profileId ?? viewer.id;
  const own = profileId === viewer.id;
  const [profile, setProfile] = useState<ProfileFieldsFragment | null | undefined>(undefined);

  useEffect(() => {
    let current = true;
    api.query(PROFILE_QUERY, { id: profileId }).then(
      (data) => current && setProfile(data.profile),
      (error: unknown) => current && showError(error),
    );
    return () => {
      current = false;
    };
  }, [api, profileId, showError]);

  if (profile === undefined) return <p className="muted">Loading the profile…</p>;
  if (profile === null) return <p className="card">This person does not exist.</p>;
  return own ? (
    <>
      <EditProfile profile={profile} onSaved={setProfile} />
      <NoticesLink />
      <CalendarFeed />
    </>
  ) : (
    <ViewProfile profile={profile} onChange={setProfile} />
  );
}

/** Always reachable from the viewer's own profile (the header links it only when there are notices). */
function NoticesLink() {
  const { navigate } = useSession();
  return (
    <p className="card">
      Decisions by trust and safety that affect you, and your appeals:{' '}
      <a
        href={pathOf({ page: 'notices' })}
        onClick={(event) => {
          event.preventDefault();
          navigate({ page: 'notices' });
        }}
      >
        Your notices
      </a>
    </p>
  );
}

function ProfileSummaryCard(props: { profile: ProfileFieldsFragment; children?: ReactNode }) {
  const { profile } = props;
  return (
    <section className="card profile-card" aria-labelledby="profile-name">
      <div className="profile-head">
        <Avatar profile={profile} size="large" />
        <div className="profile-text">
          <h1 id="profile-name" className="breakable">
            {profile.displayName}
          </h1>
          {profile.headline && <p className="breakable">{profile.headline}</p>}
          <p className="muted small">
            {[profile.company, profile.industry, profile.seniority ? SENIORITY_LABELS[profile.seniority] : null].filter(Boolean).join(' · ')}
          </p>
          <p className="muted small" data-testid="follow-counts">
            {countOf(profile.followerCount, 'follower')} · {profile.followingCount.toLocaleString('en')} following
          </p>
        </div>
      </div>
      {profile.skills.length > 0 && (
        <ul className="chips" aria-label="Skills">
          {profile.skills.map((skill) => (
            <li key={skill} className="chip chip-skill">
              {skill}
            </li>
          ))}
        </ul>
      )}
      <TopicChips topics={profile.interests} />
      {props.children}
    </section>
  );
}

function ViewProfile(props: { profile: ProfileFieldsFragment; onChange(profile: ProfileFieldsFragment): void }) {
  const { api, showError } = useSession();
  const { profile } = props;
  const [busy, setBusy] = useState(false);
  const [confirmBlock, setConfirmBlock] = useState(false);
  const setBlocked = async (block: boolean) => {
    setBusy(true);
    try {
      props.onChange(block ? (await api.mutate(BLOCK, { profileId: profile.id })).block : (await api.mutate(UNBLOCK, { profileId: profile.id })).unblock);
    } catch (error) {
      showError(error);
    } finally {
      setBusy(false);
    }
  };
  const toggle = async () => {
    setBusy(true);
    try {
      const data = profile.viewerFollows ? (await api.mutate(UNFOLLOW, { profileId: profile.id })).unfollow : (await api.mutate(FOLLOW, { profileId: profile.id })).follow;
      props.onChange(data);
    } catch (error) {
      showError(error);
    } finally {
      setBusy(false);
    }
  };
  return (
    <ProfileSummaryCard profile={profile}>
      <button type="button" className={`button ${profile.viewerFollows ? '' : 'button-primary'}`} disabled={busy} aria-pressed={profile.viewerFollows} onClick={() => void toggle()}>
        {profile.viewerFollows ? 'Following' : 'Follow'}
        <span className="visually-hidden"> {profile.displayName}</span>
      </button>{' '}
      {profile.viewerBlocks ? (
        <button type="button" className="button" disabled={busy} onClick={() => void setBlocked(false)}>
          Unblock<span className="visually-hidden"> {profile.displayName}</span>
        </button>
      ) : (
        <button type="button" className="button button-danger" disabled={busy} onClick={() => setConfirmBlock(true)}>
          Block<span className="visually-hidden"> {profile.displayName}</span>
        </button>
      )}
      {profile.viewerFollows && <FollowLevelPicker profile={profile} onChange={props.onChange} />}
      {profile.viewerBlocks && (
        <p className="muted small" role="status" data-testid="blocked-note">
          You blocked {profile.displayName}: they cannot join rooms you host, and their rooms leave your lists.
        </p>
      )}
      {confirmBlock && (
        <ConfirmDialog
          title={`Block ${profile.displayName}?`}
          message={`${profile.displayName} will not be able to join rooms you host, and their rooms leave your lists. They are not told. You can unblock them here at any time.`}
          confirmLabel="Block"
          danger
          onCancel={() => setConfirmBlock(false)}
          onConfirm={() => {
            setConfirmBlock(false);
            void setBlocked(true);
          }}
        />
      )}
    </ProfileSummaryCard>
  );
}

/** The follow levels in the picker's order, with what each means for the follower. */
export const FOLLOW_LEVELS: readonly { readonly value: FollowNotifications; readonly label: string; readonly hint: string }[] = [
  { value: 'ALL', label: 'All', hint: 'Rooms they schedule, changes to them, and when they go live.' },
  { value: 'LIVE_ONLY', label: 'Live only', hint: 'Only when they go live (the default for a new follow).' },
  { value: 'OFF', label: 'Off', hint: 'No notifications about their rooms.' },
];

/**
 * How much the viewer hears about a profile they follow (`setFollowNotifications`): three radio
 * buttons (arrow keys move between them), saved as soon as one is picked.
 */
function FollowLevelPicker(props: { profile: ProfileFieldsFragment; onChange(profile: ProfileFieldsFragment): void }) {
  const { api, showError } = useSession();
  const { profile, onChange } = props;
  const name = useId();
  const saved = profile.viewerNotifications ?? 'LIVE_ONLY';
  // The level last picked wins: picks made while one is being saved (arrow keys move fast) are
  // sent one after another, the newest last, and the radios show the newest pick at once.
  const [wanted, setWanted] = useState<FollowNotifications | null>(null);
  const [busy, setBusy] = useState(false);
  const level = wanted ?? saved;
  useEffect(() => {
    if (busy || wanted === null) return;
    if (wanted === saved) {
      setWanted(null);
      return;
    }
    setBusy(true);
    api.mutate(SET_FOLLOW_NOTIFICATIONS, { profileId: profile.id, level: wanted }).then(
      (data) => {
        onChange(data.setFollowNotifications);
        setBusy(false);
      },
      (error: unknown) => {
        showError(error);
        setWanted(null);
        setBusy(false);
      },
    );
  }, [api, busy, wanted, saved, profile.id, onChange, showError]);
  return (
    <fieldset className="follow-level" data-testid="follow-level" aria-busy={busy}>
      <legend>Notifications about {profile.displayName}’s rooms</legend>
      <div className="segmented">
        {FOLLOW_LEVELS.map((option) => (
          <label key={option.value} className="segment">
            <input type="radio" name={name} value={option.value} checked={level === option.value} onChange={() => setWanted(option.value)} />
            <span>{option.label}</span>
          </label>
        ))}
      </div>
      <p className="muted small" data-testid="follow-level-hint">
        {FOLLOW_LEVELS.find((option) => option.value === level)?.hint}
      </p>
    </fieldset>
  );
}

type Field = 'displayName' | 'headline' | 'company' | 'industry' | 'seniority' | 'skills' | 'interests';

function EditProfile(props: { profile: ProfileFieldsFragment; onSaved(profile: ProfileFieldsFragment): void }) {
  const { api, showError, updateViewer } = useSession();
  const { profile } = props;
  const [topics, setTopics] = useState<TopicsQuery['topics']>([]);
  const [form, setForm] = useState({
    displayName: profile.displayName,
    headline: profile.headline ?? '',
    company: profile.company ?? '',
    industry: profile.industry ?? '',
    seniority: (profile.seniority ?? '') as Seniority | '',
    skills: profile.skills.join(', '),
    interests: profile.interests.map((topic) => topic.slug),
  });
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);
  const baseId = useId();
  const idOf = (field: Field) => `${baseId}-${field}`;

  useEffect(() => {
    api.query(TOPICS_QUERY, {}).then((data) => setTopics(data.topics), showError);
  }, [api, showError]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setErrors({});
    setSaved(false);
    try {
      const input = {
        displayName: form.displayName.trim(),
        headline: form.headline.trim() || null,
        company: form.company.trim() || null,
        industry: form.industry.trim() || null,
        seniority: form.seniority === '' ? null : form.seniority,
        skills: form.skills
          .split(',')
          .map((skill) => skill.trim())
          .filter(Boolean),
        interests: form.interests,
      };
      const { updateViewerProfile } = await api.mutate(UPDATE_PROFILE, { input });
      props.onSaved(updateViewerProfile);
      updateViewer({ __typename: 'Profile', id: updateViewerProfile.id, displayName: updateViewerProfile.displayName, headline: updateViewerProfile.headline });
      setSaved(true);
    } catch (error) {
      if (error instanceof ApiError && Object.keys(error.fieldErrors).length > 0) setErrors(error.fieldErrors);
      else showError(error);
    } finally {
      setBusy(false);
    }
  };

  const text = (field: Exclude<Field, 'seniority' | 'interests'>, label: string, hint?: string) => (
    <div className="field">
      <label htmlFor={idOf(field)}>{label}</label>
      <input
        id={idOf(field)}
        value={form[field]}
        aria-invalid={errors[field] !== undefined}
        aria-describedby={[hint ? `${idOf(field)}-hint` : '', errors[field] ? `${idOf(field)}-error` : ''].filter(Boolean).join(' ') || undefined}
        onChange={(event) => setForm({ ...form, [field]: event.target.value })}
      />
      {hint && (
        <p className="hint" id={`${idOf(field)}-hint`}>
          {hint}
        </p>
      )}
      {errors[field] && (
        <p className="field-error" id={`${idOf(field)}-error`} role="alert">
          {errors[field]}
        </p>
      )}
    </div>
  );

  return (
    <div className="profile-page">
      <ProfileSummaryCard profile={profile} />
      <section className="card form-card" aria-labelledby="edit-title">
        <h2 id="edit-title">Edit your profile</h2>
        <form onSubmit={(event) => void submit(event)} noValidate>
          {text('displayName', 'Display name')}
          {text('headline', 'Headline', 'For example “Staff Engineer at Acme”.')}
          <div className="form-row">
            {text('company', 'Company')}
            {text('industry', 'Industry')}
          </div>
          <div className="field">
            <label htmlFor={idOf('seniority')}>Seniority</label>
            <select id={idOf('seniority')} value={form.seniority} onChange={(event) => setForm({ ...form, seniority: event.target.value as Seniority | '' })}>
              <option value="">Not set</option>
              {Object.entries(SENIORITY_LABELS).map(([value, label]) => (
                <option key={value} value={value}>
                  {label}
                </option>
              ))}
            </select>
          </div>
          {text('skills', 'Skills', 'Separate skills with commas, e.g. Kubernetes, Go.')}
          <TopicPicker label="Interests" topics={topics} selected={form.interests} onChange={(interests) => setForm({ ...form, interests })} invalid={errors.interests !== undefined} />
          {errors.interests && (
            <p className="field-error" role="alert">
              {errors.interests}
            </p>
          )}
          <div className="form-actions">
            <button type="submit" className="button button-primary" disabled={busy}>
              {busy ? 'Saving…' : 'Save profile'}
            </button>
            <span role="status" className="muted small">
              {saved ? 'Profile saved.' : ''}
            </span>
          </div>
        </form>
      </section>
    </div>
  );
}
