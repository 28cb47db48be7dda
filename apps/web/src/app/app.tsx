import { type MouseEvent, useCallback, useEffect, useState } from 'react';

import { ApiError } from '../api/api-error';
import { ApiClient } from '../api/graphql-client';
import { HAS_NOTICES_QUERY, VIEWER_QUERY } from '../api/operations';
import { Avatar, AvatarPaletteProvider } from '../components/avatar';
import { CreateRoomPage } from '../components/create-room-page';
import { GroupPage } from '../components/group-page';
import { GroupsPage } from '../components/groups-page';
import { HomePage } from '../components/home-page';
import { BrandMark } from '../components/icons';
import { ProfilePage } from '../components/profile-page';
import { HiddenRecommendationsPage, HowRecommendationsWorkPage } from '../components/recommendation-pages';
import { SignInPage } from '../components/sign-in-page';
import { Toasts } from '../components/toasts';
import type { ProfileSummaryFragment } from '../gql/graphql';
import { NoticesPage } from '../moderation/notices-page';
import { StaffPage } from '../moderation/staff-page';
import { NotificationBell } from '../notifications/notification-bell';
import { NotificationFeedProvider, useNotificationFeed } from '../notifications/notification-feed';
import { NotificationsPage } from '../notifications/notifications-page';
import { RoomPage } from '../room/room-page';
import { parseRoute, pathOf, type Route, titleOf } from './route';
import { SessionProvider, useToasts } from './session';
import { loadToken, saveToken } from './token-store';

type Auth =
  | { readonly state: 'signed-out' }
  | { readonly state: 'checking'; readonly token: string }
  | {
      readonly state: 'signed-in';
      readonly token: string;
      readonly viewer: ProfileSummaryFragment;
      readonly hasNotices: boolean;
      /** From the server's staff record (`viewerIsStaff`), never from the token's claims. */
      readonly isStaff: boolean;
    };

async function viewerFor(token: string): Promise<{ viewer: ProfileSummaryFragment; hasNotices: boolean; isStaff: boolean }> {
  const client = new ApiClient(token);
  try {
    const { viewer, viewerIsStaff } = await client.query(VIEWER_QUERY, {});
    if (!viewer) throw new ApiError('UNAUTHENTICATED', 'The token names no profile');
    // The header links "Notices" only when a decision affects the viewer (the profile page always
    // links it); if this lookup fails, sign-in still works and the profile page's link remains.
    const hasNotices = await client.query(HAS_NOTICES_QUERY, {}).then(
      (data) => data.viewerModerationNotices.edges.length > 0,
      () => false,
    );
    return { viewer, hasNotices, isStaff: viewerIsStaff };
  } finally {
    client.dispose();
  }
}

/**
 * The header's "Notices" link: shown when a decision affected the viewer at sign-in, or as soon as
 * one arrives live (`viewerModerationNoticeChanged`, issue 18).
 */
function NoticesLink(props: { hadNotices: boolean; current: boolean; href: string; onClick(event: MouseEvent): void }) {
  const { noticeArrived } = useNotificationFeed();
  if (!props.hadNotices && !noticeArrived) return null;
  return (
    <a className="nav-link" href={props.href} onClick={props.onClick} aria-current={props.current ? 'page' : undefined} data-testid="notices-link">
      Notices
    </a>
  );
}

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

  const signIn = useCallback(async (token: string) => {
    const { viewer, hasNotices, isStaff } = await viewerFor(token);
    saveToken(token);
    setAuth({ state: 'signed-in', token, viewer, hasNotices, isStaff });
  }, []);

  const signOut = useCallback(() => {
    saveToken(null);
    setAuth({ state: 'signed-out' });
  }, []);

  const updateViewer = useCallback((viewer: ProfileSummaryFragment) => {
    setAuth((current) => (current.state === 'signed-in' ? { ...current, viewer } : current));
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
    document.title = auth.state === 'signed-in' || route.page === 'how-recommendations-work' ? `${titleOf(route)} · Roundtable` : 'Sign in · Roundtable';
  }, [route, auth.state]);

  const link = (to: Route) => ({
    href: pathOf(to),
    onClick: (event: MouseEvent) => {
      event.preventDefault();
      navigate(to);
    },
  });

  const signedIn = auth.state === 'signed-in' ? auth : null;
  const page = (
    <>
      <header className="topbar">
        <a className="brand" {...link({ page: 'home' })} aria-label="Roundtable, discover rooms">
          <span className="brand-mark">
            <BrandMark />
          </span>
          <span className="brand-name">Roundtable</span>
        </a>
        {signedIn && (
          <nav className="topbar-nav" aria-label="Main">
            <a className="nav-link" {...link({ page: 'groups' })} aria-current={route.page === 'groups' || route.page === 'group' ? 'page' : undefined}>
              Groups
            </a>
            <NoticesLink hadNotices={signedIn.hasNotices} current={route.page === 'notices'} {...link({ page: 'notices' })} />
            {signedIn.isStaff && (
              <a className="nav-link" {...link({ page: 'staff', tab: 'reports' })} aria-current={route.page === 'staff' ? 'page' : undefined} data-testid="staff-link">
                <span aria-hidden="true">Staff</span>
                <span className="visually-hidden">Trust and safety staff pages</span>
              </a>
            )}
            <NotificationBell current={route.page === 'notifications'} />
            <a className="button button-primary button-small" {...link({ page: 'new-room' })}>
              <span aria-hidden="true">+</span> <span className="button-label">New room</span>
            </a>
            <a className="viewer" {...link({ page: 'profile', profileId: null })} aria-current={route.page === 'profile' && route.profileId === null ? 'page' : undefined}>
              <Avatar profile={signedIn.viewer} size="small" />
              <span className="viewer-text">
                <strong data-testid="viewer-name">{signedIn.viewer.displayName}</strong>
                <span className="muted small">Profile</span>
              </span>
              <span className="visually-hidden"> (your profile)</span>
            </a>
            <button type="button" className="button button-small sign-out" onClick={signOut}>
              Sign out
            </button>
          </nav>
        )}
      </header>
      <main id="main" className="page" tabIndex={-1}>
        {/* Public: readable without signing in (DSA Art. 27). */}
        {route.page === 'how-recommendations-work' && auth.state !== 'checking' && (
          <HowRecommendationsWorkPage onBack={signedIn ? () => navigate({ page: 'home' }) : undefined} />
        )}
        {auth.state === 'signed-out' && route.page !== 'how-recommendations-work' && <SignInPage onSignIn={signIn} />}
        {auth.state === 'checking' && <p className="muted">Checking your sign-in…</p>}
        {signedIn && route.page !== 'how-recommendations-work' && (
          <>
            {route.page === 'home' && <HomePage />}
            {route.page === 'new-room' && <CreateRoomPage key={route.groupId ?? 'new'} groupId={route.groupId} />}
            {route.page === 'room' && <RoomPage key={route.roomId} roomId={route.roomId} />}
            {route.page === 'profile' && <ProfilePage key={route.profileId ?? 'me'} profileId={route.profileId} />}
            {route.page === 'groups' && <GroupsPage />}
            {route.page === 'group' && <GroupPage key={route.groupId} groupId={route.groupId} />}
            {route.page === 'notices' && <NoticesPage />}
            {route.page === 'notifications' && <NotificationsPage />}
            {route.page === 'hidden-recommendations' && <HiddenRecommendationsPage />}
            {route.page === 'staff' && <StaffPage key={route.tab} tab={route.tab} />}
          </>
        )}
      </main>
    </>
  );

  return (
    <AvatarPaletteProvider>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      {/* Signed in, the header is inside the session too: its bell follows the live notifications. */}
      {signedIn ? (
        <SessionProvider token={signedIn.token} viewer={signedIn.viewer} navigate={navigate} showError={showError} updateViewer={updateViewer} signOut={signOut}>
          <NotificationFeedProvider>{page}</NotificationFeedProvider>
        </SessionProvider>
      ) : (
        page
      )}
      <Toasts toasts={toasts} onDismiss={dismiss} />
    </AvatarPaletteProvider>
  );
}
