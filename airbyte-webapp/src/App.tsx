import { BrowserRouter, Navigate, Route, Routes } from 'react-router-dom';
import { AuthProvider, useAuth } from './lib/auth';
import { Layout } from './components/Layout';
import { SignIn } from './pages/SignIn';
import { ConnectionsPage } from './pages/ConnectionsPage';
import { ConnectionNewPage } from './pages/ConnectionNewPage';
import { ConnectionPage } from './pages/ConnectionPage';
import { ActorsPage } from './pages/ActorsPage';
import { ActorEditPage } from './pages/ActorEditPage';
import { SettingsPage } from './pages/SettingsPage';
import { LowCodeSourcePage } from './pages/LowCodeSourcePage';

function Routed() {
  const auth = useAuth();
  if (!auth.signedIn) return <SignIn />;
  return (
    <Routes>
      <Route element={<Layout />}>
        <Route path="/" element={<Navigate to="/connections" replace />} />
        <Route path="/connections" element={<ConnectionsPage />} />
        <Route path="/connections/new" element={<ConnectionNewPage />} />
        <Route path="/connections/:id" element={<ConnectionPage />} />
        <Route path="/sources" element={<ActorsPage kind="source" />} />
        <Route path="/sources/new" element={<ActorEditPage key="new-source" kind="source" />} />
        <Route path="/sources/low-code" element={<LowCodeSourcePage />} />
        <Route path="/sources/:id" element={<ActorEditPage kind="source" />} />
        <Route path="/destinations" element={<ActorsPage kind="destination" />} />
        <Route path="/destinations/new" element={<ActorEditPage key="new-destination" kind="destination" />} />
        <Route path="/destinations/:id" element={<ActorEditPage kind="destination" />} />
        <Route path="/settings" element={<SettingsPage />} />
        <Route path="*" element={<div className="empty"><h3>Nothing here</h3><a href="/connections">Back to connections</a></div>} />
      </Route>
    </Routes>
  );
}

export function App() {
  return (
    <BrowserRouter>
      <AuthProvider>
        <Routed />
      </AuthProvider>
    </BrowserRouter>
  );
}
