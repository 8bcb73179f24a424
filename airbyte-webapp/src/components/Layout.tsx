import { NavLink, Outlet } from 'react-router-dom';
import { useAuth } from '../lib/auth';

export function Layout() {
  const auth = useAuth();
  return (
    <div className="app">
      <nav className="sidebar">
        <div className="brand"><span className="logo">◆</span> Airbyte</div>
        <NavLink to="/connections">Connections</NavLink>
        <NavLink to="/sources">Sources</NavLink>
        <NavLink to="/destinations">Destinations</NavLink>
        <NavLink to="/settings">Settings</NavLink>
        <div className="spacer" />
        <div className="workspace muted">{auth.workspace?.name}</div>
        <button className="link signout" onClick={auth.signOut}>Sign out</button>
      </nav>
      <main className="content"><Outlet /></main>
    </div>
  );
}
