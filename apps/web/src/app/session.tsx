import { createContext, useCallback, useContext, useMemo, useRef, useState, type ReactNode } from 'react';
import type { Client } from 'graphql-ws';

import { type ErrorToast, toastForError } from '../api/api-error';
import { createLiveClient, request } from '../api/graphql-client';
import type { ProfileSummary } from '../api/types';
import type { Route } from './route';

export interface Session {
  readonly token: string;
  readonly viewer: ProfileSummary;
  /** POST /graphql with the viewer's token. */
  request<T>(query: string, variables?: Record<string, unknown>): Promise<T>;
  /** One graphql-ws connection per session, opened on first use. */
  live(): Client;
  navigate(route: Route): void;
  showError(error: unknown): void;
  signOut(): void;
}

const SessionContext = createContext<Session | null>(null);

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside a signed-in page');
  return session;
}

export function SessionProvider(props: {
  token: string;
  viewer: ProfileSummary;
  navigate(route: Route): void;
  showError(error: unknown): void;
  signOut(): void;
  children: ReactNode;
}) {
  const { token, viewer, navigate, showError, signOut } = props;
  const liveClient = useRef<Client | null>(null);
  const session = useMemo<Session>(
    () => ({
      token,
      viewer,
      request: (query, variables = {}) => request(query, variables, token),
      live() {
        liveClient.current ??= createLiveClient(token);
        return liveClient.current;
      },
      navigate,
      showError,
      signOut() {
        void liveClient.current?.dispose();
        liveClient.current = null;
        signOut();
      },
    }),
    [token, viewer, navigate, showError, signOut],
  );
  return <SessionContext.Provider value={session}>{props.children}</SessionContext.Provider>;
}

export interface Toast extends ErrorToast {
  readonly id: number;
}

/** Error toasts: each shows its contract code and disappears after a while or on dismiss. */
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
