import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { SpecForm } from './SpecForm';
import type { JsonSchema } from '../lib/api';
import type { Obj } from '../lib/spec';

afterEach(cleanup);

const schema: JsonSchema = {
  type: 'object',
  required: ['host', 'password'],
  properties: {
    host: { type: 'string', title: 'Host', order: 0 },
    password: { type: 'string', title: 'Password', airbyte_secret: true, order: 1 },
    mode: { type: 'string', title: 'Mode', enum: ['a', 'b'], order: 2 },
    ssl_mode: {
      type: 'object', title: 'SSL mode', order: 3,
      oneOf: [
        { title: 'disable', properties: { mode: { type: 'string', const: 'disable' } } },
        { title: 'verify-ca', required: ['ca_certificate'],
          properties: { mode: { type: 'string', const: 'verify-ca' }, ca_certificate: { type: 'string', title: 'CA certificate' } } },
      ],
    },
  },
};

function Harness({ initial, errors = {} }: { initial: Obj; errors?: Record<string, string> }) {
  const [value, setValue] = useState<Obj>(initial);
  return (
    <>
      <SpecForm schema={schema} value={value} onChange={setValue} errors={errors} />
      <output data-testid="value">{JSON.stringify(value)}</output>
    </>
  );
}

describe('SpecForm', () => {
  it('renders secrets as password inputs that show the stored mask', () => {
    render(<Harness initial={{ host: 'db', password: '**********' }} />);
    const password = screen.getByLabelText(/Password/) as HTMLInputElement;
    expect(password.type).toBe('password');
    expect(password.value).toBe('**********');
    expect(screen.getAllByTitle('required')).toHaveLength(2);
  });

  it('switches a oneOf branch and shows its own fields', () => {
    render(<Harness initial={{ ssl_mode: { mode: 'disable' } }} />);
    expect(screen.queryByLabelText(/CA certificate/)).toBeNull();
    fireEvent.change(screen.getByLabelText(/SSL mode/), { target: { value: '1' } });
    fireEvent.change(screen.getByLabelText(/CA certificate/), { target: { value: 'PEM' } });
    expect(JSON.parse(screen.getByTestId('value').textContent!)).toEqual({ ssl_mode: { mode: 'verify-ca', ca_certificate: 'PEM' } });
  });

  it('shows an error next to the field it concerns', () => {
    render(<Harness initial={{}} errors={{ host: 'required', 'ssl_mode.ca_certificate': 'required' }} />);
    const host = screen.getByLabelText(/Host/).closest('.field')!;
    expect(host.textContent).toContain('required');
    expect(host.className).toContain('invalid');
  });
});
