import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';

import { type ErrorToast, toastForError } from '../api/api-error';
import { ApiClient, type ConnectionState } from '../api/graphql-client';
import type { ProfileSummaryFragment } from '../gql/graphql';
import type { Route } from './route';

export interface Session {
  readonly token: string;
  readonly viewer: ProfileSummaryFragment;
  /** urql over HTTP and graphql-ws, with the viewer's token. */
  readonly api: ApiClient;
  navigate(route: Route): void;
  showError(error: unknown): void;
  /** The header shows the viewer's new name at once after a profile edit. */
  updateViewer(viewer: ProfileSummaryFragment): void;
  signOut(): void;
}

const SessionContext = createContext<Session | null>(null);

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside a signed-in page');
  return session;
}

/** The live connection's state, re-rendering on every change. */
export function useConnectionState(): ConnectionState {
  const { api } = useSession();
  return useSyncExternalStore(
    useCallback((onChange) => api.onConnectionStateChange(onChange), [api]),
    () => api.connectionState(),
  );
}

export function SessionProvider(props: {
  token: string;
  viewer: ProfileSummaryFragment;
  navigate(route: Route): void;
  showError(error: unknown): void;
  updateViewer(viewer: ProfileSummaryFragment): void;
  signOut(): void;
  children: ReactNode;
}) {
  const { token, viewer, navigate, showError, updateViewer, signOut } = props;
  const api = useMemo(() => new ApiClient(token), [token]);
  useEffect(() => () => api.dispose(), [api]);
  const session = useMemo<Session>(
    () => ({ token, viewer, api, navigate, showError, updateViewer, signOut }),
    [token, viewer, api, navigate, showError, updateViewer, signOut],
  );
  return <SessionContext.Provider value={session}>{props.children}</SessionContext.Provider>;
}

export interface Toast extends ErrorToast {
  readonly id: number;
}

/** Error messages in plain words; each disappears after a while or on dismiss. */
export function useToasts() {
  const [toasts, setToasts] = useState<Toast[]>([]);
  const nextId = useRef(1);
  const dismiss = useCallback((id: number) => setToasts((list) => list.filter((toast) => toast.id !== id)), []);
  const showError = useCallback(
    (error: unknown) => {
      const id = nextId.current++;
      setToasts((list) => [...list.slice(-3), { id, ...toastForError(error) }]);
      window.setTimeout(() => dismiss(id), 8000);
    },
    [dismiss],
  );
  return { toasts, showError, dismiss };
}
