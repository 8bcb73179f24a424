import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { CustomDefinitionForm, definitionRequest } from './CustomDefinitionForm';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

function json(status: number, body: unknown) {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': status < 300 ? 'application/json' : 'application/problem+json' } });
}

describe('CustomDefinitionForm', () => {
  it('sends an image as Airbyte names it and a package as a runtime', () => {
    const form = { type: 'source', name: 'Faker', dockerRepository: 'acme/x', dockerImageTag: '1', documentationUrl: '',
      packageName: ' airbyte-source-faker ', version: '7.2.1' };
    expect(definitionRequest(form, 'docker_image', 'r1')).toEqual({ type: 'source', name: 'Faker', documentationUrl: undefined,
      requestId: 'r1', dockerRepository: 'acme/x', dockerImageTag: '1' });
    expect(definitionRequest(form, 'python_package', 'r2')).toEqual({ type: 'source', name: 'Faker', documentationUrl: undefined,
      requestId: 'r2', runtime: { type: 'python_package', package: 'airbyte-source-faker', version: '7.2.1' } });
  });

  it("shows the install's lines while the package installs, then the refusal by field", async () => {
    let answer: (r: Response) => void = () => {};
    const calls: string[] = [];
    vi.stubGlobal('fetch', vi.fn(async (path: string, init: RequestInit) => {
      calls.push(`${init.method} ${path}`);
      if (init.method === 'POST') return new Promise<Response>((resolve) => { answer = resolve; });
      return json(200, { running: true, lines: ['Running spec of cowsay==0.0.999', 'Collecting cowsay==0.0.999'] });
    }));
    render(<CustomDefinitionForm onCreated={() => {}} pollMillis={10} />);
    fireEvent.change(screen.getByLabelText('Runs as'), { target: { value: 'python_package' } });
    fireEvent.change(screen.getByLabelText('Package'), { target: { value: 'cowsay' } });
    fireEvent.change(screen.getByLabelText('Version'), { target: { value: '0.0.999' } });
    fireEvent.click(screen.getByText('Add connector'));

    expect(await screen.findByText('Installing and running spec…')).toBeTruthy();
    await waitFor(() => expect(screen.getByLabelText('Install progress').textContent).toContain('Collecting cowsay==0.0.999'));
    const requestId = JSON.parse((vi.mocked(fetch).mock.calls[0][1] as RequestInit).body as string).requestId;
    expect(calls).toContain(`GET /api/v1/definitions/progress/${requestId}`);

    answer(json(422, { title: 'The connector did not answer spec',
      errors: ['runtime.package: cowsay==0.0.999 did not give a spec: Cannot install the Python package cowsay==0.0.999: ERROR: No matching distribution'] }));
    expect((await screen.findByRole('alert')).textContent).toContain('ERROR: No matching distribution');
    expect(screen.queryByLabelText('Install progress')).toBeNull();
  });
});
