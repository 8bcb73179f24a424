import { useState } from 'react';
import { useAuth } from '../lib/auth';
import { ErrorBox } from '../components/ui';

export function SignIn() {
  const auth = useAuth();
  const [mode, setMode] = useState<'password' | 'token'>('password');
  const [user, setUser] = useState('airbyte');
  const [password, setPassword] = useState('');
  const [token, setToken] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      if (mode === 'password') await auth.signInBasic(user, password);
      else await auth.signInToken(token);
    } catch (err) {
      setError((err as { status?: number }).status === 401
        ? new Error(mode === 'password' ? 'Wrong username or password' : 'This token is not valid (or expired)') : err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="signin">
      <form className="card" onSubmit={submit}>
        <h1><span className="logo">◆</span> Airbyte</h1>
        <p className="muted">Sign in with the instance admin credentials or an application token.</p>
        <div className="tabs small">
          <button type="button" className={mode === 'password' ? 'active' : ''} onClick={() => setMode('password')}>Password</button>
          <button type="button" className={mode === 'token' ? 'active' : ''} onClick={() => setMode('token')}>Token</button>
        </div>
        {mode === 'password' ? (
          <>
            <div className="field"><label htmlFor="username">Username</label>
              <input id="username" name="username" value={user} onChange={(e) => setUser(e.target.value)} autoComplete="username" /></div>
            <div className="field"><label htmlFor="password">Password</label>
              <input id="password" name="password" type="password" value={password} autoComplete="current-password"
                onChange={(e) => setPassword(e.target.value)} />
              <div className="help">Set by AIRBYTE_ADMIN_PASSWORD, or generated at first start into $AIRBYTE_HOME/admin-password.</div></div>
          </>
        ) : (
          <div className="field"><label htmlFor="token">Access token</label>
            <textarea id="token" name="token" rows={3} value={token} onChange={(e) => setToken(e.target.value)} />
            <div className="help">From POST /api/public/v1/applications/token with an application's client id and secret.</div></div>
        )}
        <ErrorBox error={error} />
        <button type="submit" className="primary" disabled={busy}>{busy ? 'Signing in…' : 'Sign in'}</button>
      </form>
    </div>
  );
}
