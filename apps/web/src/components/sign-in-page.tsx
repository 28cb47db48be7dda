import { type FormEvent, useId, useState } from 'react';

import { toastForError } from '../api/api-error';
import { normaliseToken } from '../app/token-store';

export function SignInPage(props: { onSignIn(token: string): Promise<void> }) {
  const [token, setToken] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const inputId = useId();
  const hintId = useId();

  async function submit(event: FormEvent) {
    event.preventDefault();
    const value = normaliseToken(token);
    if (!value) {
      setError('Paste a bearer token first.');
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await props.onSignIn(value);
    } catch (failure) {
      const toast = toastForError(failure);
      setError(`${toast.code}: ${toast.message}`);
      setBusy(false);
    }
  }

  return (
    <section className="card sign-in" aria-labelledby="sign-in-title">
      <h1 id="sign-in-title">Sign in to Roundtable</h1>
      <p className="muted">Live audio rooms for your professional interests.</p>
      <form onSubmit={submit}>
        <label htmlFor={inputId}>Bearer token</label>
        <textarea
          id={inputId}
          name="token"
          rows={4}
          value={token}
          spellCheck={false}
          autoComplete="off"
          aria-describedby={hintId}
          aria-invalid={error !== null}
          onChange={(event) => setToken(event.target.value)}
        />
        <p id={hintId} className="hint">
          <code>npm start</code> prints demo tokens; <code>npm run token -- --name &quot;Your Name&quot;</code> makes one. The token stays in
          this browser&apos;s local storage until you sign out.
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
