import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { api, ApiError, ok } from './api/client.ts';
import type { Me, SessionUser } from './api/types.ts';

export interface Session {
  /** 'loading' until GET /me has answered. */
  status: 'loading' | 'ready';
  user: SessionUser | null;
  csrfToken: string | null;
  login: (username: string, password: string) => Promise<SessionUser>;
  logout: () => Promise<void>;
  refresh: () => Promise<void>;
}

const SessionContext = createContext<Session | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [status, setStatus] = useState<Session['status']>('loading');
  const [me, setMe] = useState<Me>({ authenticated: false });

  const refresh = useCallback(async () => {
    try {
      setMe(await ok(api.GET('/api/v1/me')));
    } catch {
      setMe({ authenticated: false });
    } finally {
      setStatus('ready');
    }
  }, []);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  const login = useCallback(async (username: string, password: string) => {
    const r = await ok(api.POST('/api/v1/auth/login', { body: { username: username, password: password } }));
    if (!r.authenticated) throw new ApiError(401, 'unauthenticated', 'Not authenticated');
    setMe(r);
    return r.user;
  }, []);

  const logout = useCallback(async () => {
    if (me.authenticated) {
      try {
        await ok(api.POST('/api/v1/auth/logout'));
      } catch (e) {
        // an expired session is already logged out; anything else is worth telling
        if (!(e instanceof ApiError && e.status === 401)) throw e;
      }
    }
    setMe({ authenticated: false });
  }, [me]);

  const value = useMemo<Session>(
    () => ({
      status,
      user: me.authenticated ? me.user : null,
      csrfToken: me.authenticated ? me.csrfToken : null,
      login,
      logout,
      refresh,
    }),
    [status, me, login, logout, refresh],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const s = useContext(SessionContext);
  if (!s) throw new Error('useSession outside SessionProvider');
  return s;
}
