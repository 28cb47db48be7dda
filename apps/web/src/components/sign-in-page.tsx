import { type FormEvent, useEffect, useId, useState } from 'react';

import { toastForError } from '../api/api-error';
import { type DemoProfile, fetchDemoProfiles } from '../app/demo-profiles';
import { normaliseToken } from '../app/token-store';
import { Avatar } from './avatar';

export function SignInPage(props: { onSignIn(token: string): Promise<void> }) {
  const [token, setToken] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [demo, setDemo] = useState<DemoProfile[] | null>(null);
  const inputId = useId();
  const hintId = useId();

  useEffect(() => {
    let current = true;
    void fetchDemoProfiles().then((profiles) => current && setDemo(profiles));
    return () => {
      current = false;
    };
  }, []);

  async function signInWith(value: string) {
    setBusy(true);
    setError(null);
    try {
      await props.onSignIn(value);
    } catch (failure) {
      const message = toastForError(failure);
      setError(message.detail ? `${message.title} ${message.detail}` : message.title);
      setBusy(false);
    }
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    const value = normaliseToken(token);
    if (!value) {
      setError('Paste an access token first.');
      return;
    }
    void signInWith(value);
  }

  return (
    <section className="card sign-in" aria-labelledby="sign-in-title">
      <h1 id="sign-in-title">Sign in to Roundtable</h1>
      <p className="muted">Live audio rooms for your professional interests.</p>
      {demo && demo.length > 0 && (
        <section aria-labelledby="demo-title" className="demo-profiles">
          <h2 id="demo-title">Try a demo profile</h2>
          <p className="hint">Development only: one click signs in as a seeded person.</p>
          <ul className="demo-list" data-testid="demo-profiles">
            {demo.map((profile) => (
              <li key={profile.id}>
                <button type="button" className="demo-profile" disabled={busy} onClick={() => void signInWith(profile.token)} aria-label={`Sign in as ${profile.displayName}`}>
                  <Avatar profile={profile} size="small" />
                  <span className="demo-text">
                    <strong>{profile.displayName}</strong>
                    {profile.headline && <span className="muted small">{profile.headline}</span>}
                  </span>
                  {profile.role && <span className="role">{profile.role}</span>}
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}
      <form onSubmit={submit}>
        <label htmlFor={inputId}>Access token</label>
        <textarea
          id={inputId}
          name="token"
          rows={3}
          value={token}
          spellCheck={false}
          autoComplete="off"
          aria-describedby={hintId}
          aria-invalid={error !== null}
          onChange={(event) => setToken(event.target.value)}
        />
        <p id={hintId} className="hint">
          Any bearer token the API accepts. <code>npm run token -- --name &quot;Your Name&quot;</code> makes one. It stays in this browser until you sign out.
        </p>
        {error && (
          <p className="field-error" role="alert">
            {error}
          </p>
        )}
        <button type="submit" className="button button-primary" disabled={busy}>
          {busy ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
    </section>
  );
}
