import { useCallback, useEffect, useState } from 'react';

import { ApiError } from '../api/api-error';
import { request } from '../api/graphql-client';
import { VIEWER_QUERY } from '../api/operations';
import type { ProfileSummary } from '../api/types';
import { Avatar } from '../components/avatar';
import { CreateRoomPage } from '../components/create-room-page';
import { HomePage } from '../components/home-page';
import { BrandMark } from '../components/icons';
import { RoomPage } from '../components/room-page';
import { SignInPage } from '../components/sign-in-page';
import { Toasts } from '../components/toasts';
import { parseRoute, pathOf, type Route } from './route';
import { SessionProvider, useToasts } from './session';
import { loadToken, saveToken } from './token-store';

type Auth =
  | { readonly state: 'signed-out' }
  | { readonly state: 'checking'; readonly token: string }
  | { readonly state: 'signed-in'; readonly token: string; readonly viewer: ProfileSummary };

export function App() {
  const { toasts, showError, dismiss } = useToasts();
  const [route, setRoute] = useState<Route>(() => parseRoute(window.location.pathname));
  const [auth, setAuth] = useState<Auth>(() => {
    const token = loadToken();
    return token ? { state: 'checking', token } : { state: 'signed-out' };
  });

  useEffect(() => {
    const onPop = () => setRoute(parseRoute(window.location.pathname));
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, []);

  const navigate = useCallback((next: Route) => {
    const path = pathOf(next);
    if (path !== window.location.pathname) window.history.pushState(null, '', path);
    setRoute(next);
    window.scrollTo(0, 0);
  }, []);

  const signIn = useCallback(
    async (token: string) => {
      const data = await request<{ viewer: ProfileSummary | null }>(VIEWER_QUERY, {}, token);
      if (!data.viewer) throw new ApiError('UNAUTHENTICATED', 'The token names no profile');
      saveToken(token);
      setAuth({ state: 'signed-in', token, viewer: data.viewer });
    },
    [],
  );

  const signOut = useCallback(() => {
    saveToken(null);
    setAuth({ state: 'signed-out' });
  }, []);

  const checkingToken = auth.state === 'checking' ? auth.token : null;
  useEffect(() => {
    if (checkingToken === null) return;
    signIn(checkingToken).catch((error: unknown) => {
      // A stored token that no longer works (expired, other secret) sends the user to sign in.
      if (error instanceof ApiError && error.code === 'UNAUTHENTICATED') saveToken(null);
      setAuth({ state: 'signed-out' });
      showError(error);
    });
  }, [checkingToken, signIn, showError]);

  useEffect(() => {
    document.title = route.page === 'new-room' ? 'New room · Roundtable' : 'Roundtable';
  }, [route]);

  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="topbar">
        <a
          className="brand"
          href="/"
          onClick={(event) => {
            event.preventDefault();
            navigate({ page: 'home' });
          }}
        >
          <span className="brand-mark">
            <BrandMark />
          </span>
          Roundtable
        </a>
        {auth.state === 'signed-in' && (
          <nav className="topbar-nav" aria-label="Main">
            <a
              href="/new"
              className="button button-primary"
              onClick={(event) => {
                event.preventDefault();
                navigate({ page: 'new-room' });
              }}
            >
              New room
            </a>
            <div className="viewer" aria-label="Signed in as">
              <Avatar profile={auth.viewer} size="small" />
              <div className="viewer-text">
                <strong data-testid="viewer-name">{auth.viewer.displayName}</strong>
                {auth.viewer.headline && <span className="muted">{auth.viewer.headline}</span>}
              </div>
            </div>
            <button type="button" className="button" onClick={signOut}>
              Sign out
            </button>
          </nav>
        )}
      </header>
      <main id="main" className="page">
        {auth.state === 'signed-out' && <SignInPage onSignIn={signIn} />}
        {auth.state === 'checking' && <p className="muted">Checking your token…</p>}
        {auth.state === 'signed-in' && (
          <SessionProvider token={auth.token} viewer={auth.viewer} navigate={navigate} showError={showError} signOut={signOut}>
            {route.page === 'home' && <HomePage />}
            {route.page === 'new-room' && <CreateRoomPage />}
            {route.page === 'room' && <RoomPage key={route.roomId} roomId={route.roomId} />}
          </SessionProvider>
        )}
      </main>
      <Toasts toasts={toasts} onDismiss={dismiss} />
    </>
  );
}
