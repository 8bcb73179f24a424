import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { choicesOf, StreamTable, streamErrors, toConfigurations } from './StreamTable';
import type { StreamChoice } from './StreamTable';
import type { StreamProperties } from '../lib/api';

afterEach(cleanup);

const streams: StreamProperties[] = [
  { streamName: 'users', syncModes: ['full_refresh_overwrite', 'incremental_append', 'incremental_deduped_history'],
    defaultCursorField: [], sourceDefinedCursorField: false, sourceDefinedPrimaryKey: [], propertyFields: [['id'], ['updated_at']] },
  { streamName: 'events', syncModes: ['full_refresh_overwrite', 'full_refresh_append'], defaultCursorField: [],
    sourceDefinedCursorField: false, sourceDefinedPrimaryKey: [], propertyFields: [['id']] },
];

function Harness() {
  const [choices, setChoices] = useState<Record<string, StreamChoice>>({
    users: { name: 'users', selected: true, syncMode: 'full_refresh_overwrite' },
    events: { name: 'events', selected: true, syncMode: 'full_refresh_overwrite' },
  });
  return (
    <>
      <StreamTable streams={streams} choices={choices} errors={{}} onChange={(n, c) => setChoices({ ...choices, [n]: c })} />
      <output data-testid="config">{JSON.stringify(toConfigurations(streams, choices))}</output>
    </>
  );
}

describe('StreamTable', () => {
  it('offers each stream only its modes and asks for cursor and key in incremental dedup', () => {
    render(<Harness />);
    const events = screen.getByLabelText('Sync mode of events') as HTMLSelectElement;
    expect([...events.options].map((o) => o.value)).toEqual(['full_refresh_overwrite', 'full_refresh_append']);

    fireEvent.change(screen.getByLabelText('Sync mode of users'), { target: { value: 'incremental_deduped_history' } });
    expect(screen.getByText('pick a cursor field')).toBeTruthy();
    fireEvent.change(screen.getByLabelText('Cursor of users'), { target: { value: 'updated_at' } });
    expect(screen.getByText('pick a primary key')).toBeTruthy();
    fireEvent.change(screen.getByLabelText('Primary key of users'), { target: { value: 'id' } });
    fireEvent.click(screen.getByLabelText('Sync events'));

    expect(JSON.parse(screen.getByTestId('config').textContent!)).toEqual([
      { name: 'users', syncMode: 'incremental_deduped_history', cursorField: ['updated_at'], primaryKey: [['id']] },
    ]);
  });

  it('maps the server\'s errors on streams to the stream names sent', () => {
    expect(streamErrors(['configurations.streams[1].cursorField: stream \'b\' has no field \'x\'', 'name: required'],
      [{ name: 'a', syncMode: 'x' }, { name: 'b', syncMode: 'y' }])).toEqual({ b: 'stream \'b\' has no field \'x\'' });
  });

  it('never offers a jsonb, object or array field as cursor', () => {
    const typed: StreamProperties[] = [{ ...streams[0], propertyFields: [['id'], ['updated_at'], ['doc'], ['tags']],
      propertyFieldTypes: { id: ['integer'], updated_at: ['null', 'string'], doc: [], tags: ['array'] } }];
    render(<StreamTable streams={typed} errors={{}} onChange={() => {}}
      choices={{ users: { name: 'users', selected: true, syncMode: 'incremental_append' } }} />);
    const cursor = screen.getByLabelText('Cursor of users') as HTMLSelectElement;
    expect([...cursor.options].map((o) => o.value)).toEqual(['', 'id', 'updated_at']);
  });

  it('starts an edit from the connection\'s streams: configured ones selected as configured, new ones not', () => {
    const choices = choicesOf(streams, [{ name: 'users', syncMode: 'incremental_append', cursorField: ['updated_at'] }],
      () => 'full_refresh_overwrite');
    expect(choices.users).toEqual({ name: 'users', selected: true, syncMode: 'incremental_append', cursorField: ['updated_at'] });
    expect(choices.events.selected).toBe(false);
  });
});
