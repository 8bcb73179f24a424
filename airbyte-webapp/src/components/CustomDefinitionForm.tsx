// Adds a custom connector: any Airbyte connector image, or a Python package from PyPI. The worker runs
// the connector's spec first; a package's first use installs it (a minute or two), and while it does the
// form shows the install's last lines, read from the platform every second.
import { useEffect, useState } from 'react';
import { api, ApiError, CONFIG } from '../lib/api';
import { ErrorBox } from './ui';

type RunsAs = 'docker_image' | 'python_package';

interface Progress {
  running: boolean;
  lines: string[];
}

const EMPTY = { type: 'source', name: '', dockerRepository: '', dockerImageTag: 'latest', documentationUrl: '',
  packageName: '', version: '' };

/** The request body: Airbyte's image fields, or our runtime for a package. */
export function definitionRequest(form: typeof EMPTY, runsAs: RunsAs, requestId: string) {
  const common = { type: form.type, name: form.name, documentationUrl: form.documentationUrl || undefined, requestId };
  return runsAs === 'docker_image'
    ? { ...common, dockerRepository: form.dockerRepository, dockerImageTag: form.dockerImageTag }
    : { ...common, runtime: { type: 'python_package', package: form.packageName.trim(), version: form.version.trim() } };
}

export function CustomDefinitionForm({ onCreated, pollMillis = 1000 }: { onCreated: () => void; pollMillis?: number }) {
  const [form, setForm] = useState(EMPTY);
  const [runsAs, setRunsAs] = useState<RunsAs>('docker_image');
  const [error, setError] = useState<unknown>(null);
  const [pending, setPending] = useState<string | null>(null);
  const [progress, setProgress] = useState<string[]>([]);
  const fieldErrors = error instanceof ApiError ? error.byField() : {};
  const set = (k: keyof typeof EMPTY) => (e: React.ChangeEvent<HTMLInputElement | HTMLSelectElement>) =>
    setForm({ ...form, [k]: e.target.value });

  useEffect(() => {
    if (!pending) return undefined;
    let stopped = false;
    const timer = setInterval(async () => {
      try {
        const seen = await api.get<Progress>(`${CONFIG}/definitions/progress/${pending}`);
        if (!stopped && seen.running) setProgress(seen.lines);
      } catch {
        // not started yet, or ended: the POST's answer says how it went
      }
    }, pollMillis);
    return () => { stopped = true; clearInterval(timer); };
  }, [pending, pollMillis]);

  const field = (key: string, id: string, label: string, input: React.ReactNode) => (
    <div className={`field${fieldErrors[key] ? ' invalid' : ''}`}><label htmlFor={id}>{label}</label>
      {input}
      {fieldErrors[key] && <div className="field-error" role="alert">{fieldErrors[key]}</div>}</div>
  );
  return (
    <form className="definition-form" onSubmit={async (e) => {
      e.preventDefault();
      const requestId = crypto.randomUUID();
      setPending(requestId);
      setProgress([]);
      setError(null);
      try {
        await api.post(`${CONFIG}/definitions`, definitionRequest(form, runsAs, requestId));
        setForm({ ...form, name: '', dockerRepository: '', packageName: '', version: '' });
        onCreated();
      } catch (err) {
        setError(err);
      } finally {
        setPending(null);
      }
    }}>
      <div className="field"><label htmlFor="def-type">Type</label>
        <select id="def-type" value={form.type} onChange={set('type')}><option value="source">Source</option>
          <option value="destination">Destination</option></select></div>
      {field('name', 'def-name', 'Name', <input id="def-name" value={form.name} onChange={set('name')} />)}
      <div className="field"><label htmlFor="def-runs-as">Runs as</label>
        <select id="def-runs-as" value={runsAs} onChange={(e) => setRunsAs(e.target.value as RunsAs)}>
          <option value="docker_image">Docker image</option>
          <option value="python_package">Python package (PyPI)</option></select></div>
      {runsAs === 'docker_image' ? (
        <>
          {field('dockerRepository', 'def-repo', 'Image',
            <input id="def-repo" placeholder="airbyte/source-pokeapi" value={form.dockerRepository} onChange={set('dockerRepository')} />)}
          {field('dockerImageTag', 'def-tag', 'Tag', <input id="def-tag" value={form.dockerImageTag} onChange={set('dockerImageTag')} />)}
        </>
      ) : (
        <>
          {field('runtime.package', 'def-package', 'Package',
            <input id="def-package" placeholder="airbyte-source-faker" value={form.packageName} onChange={set('packageName')} />)}
          {field('runtime.version', 'def-version', 'Version',
            <input id="def-version" placeholder="7.2.1" value={form.version} onChange={set('version')} />)}
        </>
      )}
      <div className="field"><label htmlFor="def-doc">Documentation URL <span className="optional">(optional)</span></label>
        <input id="def-doc" value={form.documentationUrl} onChange={set('documentationUrl')} /></div>
      <button className="primary" type="submit" disabled={pending !== null}>
        {pending ? (runsAs === 'python_package' ? 'Installing and running spec…' : 'Running spec…') : 'Add connector'}</button>
      {pending && progress.length > 0 && <pre className="log install-progress" aria-label="Install progress">{progress.join('\n')}</pre>}
      {error && !(error instanceof ApiError && Object.keys(fieldErrors).length > 0) ? <ErrorBox error={error} /> : null}
    </form>
  );
}
