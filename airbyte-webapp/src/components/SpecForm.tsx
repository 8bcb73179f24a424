// A form generated from a connector spec (JSON Schema): required marks, defaults, enums, oneOf
// groups (ssl_mode, replication_method), secrets as password inputs, order and group hints.
import type { JsonSchema } from '../lib/api';
import { branchIndex, branchValue, discriminator, isRequired, orderedProperties, typeOf } from '../lib/spec';
import type { Obj } from '../lib/spec';

interface Props {
  schema: JsonSchema;
  value: Obj;
  onChange: (value: Obj) => void;
  /** Errors by path ("host", "ssl_mode.ca_certificate"), shown under their field. */
  errors: Record<string, string>;
  path?: string;
}

export function SpecForm({ schema, value, onChange, errors, path = '' }: Props) {
  return (
    <div className="spec-form">
      {orderedProperties(schema).map(({ group, fields }) => {
        const body = fields.map(([key, prop]) => (
          <Field key={key} name={key} schema={prop} required={isRequired(schema, key)} value={value[key]}
            path={path ? `${path}.${key}` : key} errors={errors}
            onChange={(v) => {
              const next = { ...value };
              if (v === undefined) delete next[key];
              else next[key] = v;
              onChange(next);
            }} />
        ));
        return group ? (
          <fieldset key={group} className="group">
            <legend>{group}</legend>
            {body}
          </fieldset>
        ) : (
          <div key="_" className="group-plain">{body}</div>
        );
      })}
    </div>
  );
}

interface FieldProps {
  name: string;
  schema: JsonSchema;
  required: boolean;
  value: unknown;
  path: string;
  errors: Record<string, string>;
  onChange: (v: unknown) => void;
}

function Field({ name, schema, required, value, path, errors, onChange }: FieldProps) {
  const title = schema.title ?? name;
  const error = errors[path];
  const id = `field-${path}`;
  const type = typeOf(schema);
  const labelEl = (
    <label htmlFor={id}>
      {title}
      {required ? <span className="required" title="required"> *</span> : <span className="optional"> (optional)</span>}
    </label>
  );
  const help = schema.description ? <div className="help">{schema.description}</div> : null;
  const errorEl = error ? <div className="field-error" role="alert">{error}</div> : null;

  if (schema.oneOf) {
    const index = branchIndex(schema, value);
    const branch = schema.oneOf[index] ?? {};
    const key = discriminator(schema);
    const current = (value && typeof value === 'object' ? value : branchValue(schema, index)) as Obj;
    const inner: JsonSchema = { ...branch, properties: Object.fromEntries(Object.entries(branch.properties ?? {})
      .filter(([k]) => k !== key)) };
    return (
      <div className={`field oneof${error ? ' invalid' : ''}`} data-field={path}>
        {labelEl}
        {help}
        <select id={id} name={path} value={index} onChange={(e) => onChange(branchValue(schema, Number(e.target.value)))}>
          {schema.oneOf.map((b, i) => <option key={i} value={i}>{b.title ?? `Option ${i + 1}`}</option>)}
        </select>
        {Object.keys(inner.properties ?? {}).length > 0 && (
          <div className="nested">
            <SpecForm schema={inner} value={current} errors={errors} path={path}
              onChange={(v) => onChange(key ? { ...v, [key]: current[key] } : v)} />
          </div>
        )}
        {errorEl}
      </div>
    );
  }

  if (type === 'object' && schema.properties) {
    return (
      <fieldset className="field object" data-field={path}>
        <legend>{title}</legend>
        {help}
        <SpecForm schema={schema} value={(value ?? {}) as Obj} errors={errors} path={path} onChange={onChange} />
        {errorEl}
      </fieldset>
    );
  }

  let input;
  if (type === 'boolean') {
    input = <input id={id} name={path} type="checkbox" checked={value === true} onChange={(e) => onChange(e.target.checked)} />;
  } else if (schema.enum) {
    input = (
      <select id={id} name={path} value={value === undefined ? '' : String(value)}
        onChange={(e) => onChange(e.target.value === '' ? undefined : e.target.value)}>
        {!required && <option value="">—</option>}
        {schema.enum.map((v) => <option key={String(v)} value={String(v)}>{String(v)}</option>)}
      </select>
    );
  } else if (type === 'integer' || type === 'number') {
    input = (
      <input id={id} name={path} type="number" value={value === undefined || value === null ? '' : String(value)}
        min={schema.minimum} max={schema.maximum} step={type === 'integer' ? 1 : 'any'}
        onChange={(e) => onChange(e.target.value === '' ? undefined : Number(e.target.value))} />
    );
  } else if (type === 'array') {
    const list = Array.isArray(value) ? value.map(String) : [];
    input = (
      <input id={id} name={path} type="text" value={list.join(', ')} placeholder="comma-separated"
        onChange={(e) => onChange(e.target.value.split(',').map((s) => s.trim()).filter((s) => s !== ''))} />
    );
  } else {
    const multiline = !schema.airbyte_secret && /certificate|key|json|private/i.test(name);
    input = multiline ? (
      <textarea id={id} name={path} value={value === undefined ? '' : String(value)} rows={3}
        onChange={(e) => onChange(e.target.value)} />
    ) : (
      <input id={id} name={path} type={schema.airbyte_secret ? 'password' : 'text'} autoComplete="off"
        placeholder={schema.examples?.length ? String(schema.examples[0]) : undefined}
        value={value === undefined || value === null ? '' : String(value)} onChange={(e) => onChange(e.target.value)} />
    );
  }
  return (
    <div className={`field${error ? ' invalid' : ''}${type === 'boolean' ? ' checkbox' : ''}`} data-field={path}>
      {labelEl}
      {input}
      {help}
      {errorEl}
    </div>
  );
}
