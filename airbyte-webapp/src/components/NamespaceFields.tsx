export interface Namespace {
  namespaceDefinition: string;
  namespaceFormat: string;
  prefix: string;
}

/** The connection fields the API takes for a namespace choice (a format only with custom_format). */
export function namespaceBody(value: Namespace) {
  return {
    namespaceDefinition: value.namespaceDefinition,
    namespaceFormat: value.namespaceDefinition === 'custom_format' ? value.namespaceFormat : undefined,
    prefix: value.prefix,
  };
}

export function NamespaceFields({ value, onChange }: { value: Namespace; onChange: (v: Namespace) => void }) {
  return (
    <div className="namespace">
      <div className="field">
        <label htmlFor="namespace-definition">Namespace</label>
        <select id="namespace-definition" value={value.namespaceDefinition}
          onChange={(e) => onChange({ ...value, namespaceDefinition: e.target.value })}>
          <option value="destination">Destination default (the destination's schema)</option>
          <option value="source">Mirror source structure</option>
          <option value="custom_format">Custom format</option>
        </select>
      </div>
      {value.namespaceDefinition === 'custom_format' && (
        <div className="field">
          <label htmlFor="namespace-format">Format (${'{SOURCE_NAMESPACE}'} is replaced)</label>
          <input id="namespace-format" value={value.namespaceFormat} onChange={(e) => onChange({ ...value, namespaceFormat: e.target.value })} />
        </div>
      )}
      <div className="field">
        <label htmlFor="prefix">Stream prefix <span className="optional">(optional)</span></label>
        <input id="prefix" value={value.prefix} placeholder="e.g. crm_" onChange={(e) => onChange({ ...value, prefix: e.target.value })} />
      </div>
    </div>
  );
}
