import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { StreamReadView } from './StreamReadView';
import { SpecForm } from './SpecForm';
import { connectionSpecification, parseManifest } from '../lib/manifest';
import type { StreamRead } from '../lib/manifest';
import read from '../lib/fixtures/stream-read.json';
import itemsYaml from '../../../airbyte-test-support/src/main/resources/manifests/items.yaml?raw';

afterEach(cleanup);

describe('StreamReadView', () => {
  it('shows the records, then each page with its request and response, then the logs', () => {
    render(<StreamReadView read={read as unknown as StreamRead} />);
    expect(screen.getByText(/15 records in 2 pages/)).toBeTruthy();
    expect(screen.getByText(/a test read limit was reached/)).toBeTruthy();
    const table = screen.getByRole('table', { name: 'Records' });
    expect(within(table).getAllByRole('row')).toHaveLength(16);
    expect(within(table).getByText('item 15')).toBeTruthy();

    fireEvent.click(screen.getByRole('tab', { name: 'Pages (2)' }));
    const requests = screen.getAllByLabelText('Request');
    expect(requests).toHaveLength(2);
    expect(requests[1].textContent).toContain('GET http://127.0.0.1:');
    expect(requests[1].textContent).toContain('page=2');
    // the CDK masks the secret header
    expect(requests[0].textContent).toContain('X-API-Key: ****');
    expect(screen.getAllByLabelText('Response')[0].textContent).toMatch(/^200/);

    fireEvent.click(screen.getByRole('tab', { name: /Logs/ }));
    expect(screen.getByRole('list', { name: 'Logs' }).textContent).toContain('deprecated');
  });
});

describe('the form of a low-code source', () => {
  it('is built from the manifest spec, its secret a password field', () => {
    const schema = connectionSpecification(parseManifest(itemsYaml))!;
    render(<SpecForm schema={schema} value={{}} onChange={() => {}} errors={{}} />);
    expect((screen.getByLabelText(/API key/) as HTMLInputElement).type).toBe('password');
    expect(screen.getByLabelText(/Base URL/)).toBeTruthy();
    expect(screen.getByLabelText(/Start date/)).toBeTruthy();
  });
});
