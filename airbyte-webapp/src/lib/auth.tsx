// Who is signed in: the Authorization header sent with every API call, kept for the browser session.
import { createContext, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import type { ReactNode } from 'react';
import { api, PUBLIC, setAuthorization } from './api';
import type { Page, Workspace } from './api';

const KEY = 'airbyte.authorization';

interface Auth {
  workspace: Workspace | null;
  signedIn: boolean;
  signInBasic: (user: string, password: string) => Promise<void>;
  signInToken: (token: string) => Promise<void>;
  signOut: () => void;
}

const AuthContext = createContext<Auth | null>(null);

export function AuthProvider({ children }: { children: ReactNode }) {
  const [header, setHeader] = useState<string | null>(() => sessionStorage.getItem(KEY));
  const [workspace, setWorkspace] = useState<Workspace | null>(null);

  const signOut = useCallback(() => {
    sessionStorage.removeItem(KEY);
    setAuthorization(null);
    setHeader(null);
    setWorkspace(null);
  }, []);

  const adopt = useCallback(async (candidate: string) => {
    setAuthorization(candidate, signOut);
    try {
      const page = await api.get<Page<Workspace>>(`${PUBLIC}/workspaces`);
      sessionStorage.setItem(KEY, candidate);
      setHeader(candidate);
      setWorkspace(page.data[0] ?? null);
    } catch (e) {
      setAuthorization(null);
      throw e;
    }
  }, [signOut]);

  useEffect(() => {
    if (header && !workspace) adopt(header).catch(signOut);
  }, [header, workspace, adopt, signOut]);

  const value = useMemo<Auth>(() => ({
    workspace,
    signedIn: header !== null && workspace !== null,
    signInBasic: (user, password) => adopt(`Basic ${btoa(`${user}:${password}`)}`),
    signInToken: (token) => adopt(`Bearer ${token.trim().replace(/^Bearer\s+/i, '')}`),
    signOut,
  }), [workspace, header, adopt, signOut]);

  if (header && !workspace) return <div className="loading">Signing in…</div>;
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): Auth {
  const auth = useContext(AuthContext);
  if (!auth) throw new Error('useAuth outside AuthProvider');
  return auth;
}
