import { useId, useState } from 'react';
import type { CrossTabField } from '../../core/audit/index.ts';
import { CrossTabTable, legendOf } from './CrossTabTable.tsx';
import { Section } from './Section.tsx';
import { useCrossTab } from './useCrossTab.ts';

/** The fields offered on either side, in this order. */
const FIELDS: readonly CrossTabField[] = [
  'plane',
  'brainPlane',
  'operator',
  'machine',
  'country',
  'split',
  'dataset',
];

/**
 * Two fields against each other over the current selection. Machine by split comes first: it
 * shows at once a machine whose images are nearly all in one split.
 */
export function CrossTabSection() {
  const [rows, setRows] = useState<CrossTabField>('machine');
  const [columns, setColumns] = useState<CrossTabField>('split');
  const table = useCrossTab(rows, columns);
  return (
    <Section
      title="Cross-tab"
      note="Images of the current selection, counted by two fields; the shading is each row's share."
    >
      <div className="audit-xtab__fields">
        <FieldSelect label="Rows" value={rows} onChange={setRows} />
        <FieldSelect label="Columns" value={columns} onChange={setColumns} />
      </div>
      {table !== null && <CrossTabTable table={table} />}
    </Section>
  );
}

interface SelectProps {
  readonly label: string;
  readonly value: CrossTabField;
  readonly onChange: (field: CrossTabField) => void;
}

function FieldSelect({ label, value, onChange }: SelectProps) {
  const id = useId();
  return (
    <span className="audit-xtab__field">
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        value={value}
        onChange={(event) => {
          const field = FIELDS.find((key) => key === event.currentTarget.value);
          if (field !== undefined) onChange(field);
        }}
      >
        {FIELDS.map((field) => (
          <option key={field} value={field}>
            {legendOf(field)}
          </option>
        ))}
      </select>
    </span>
  );
}
