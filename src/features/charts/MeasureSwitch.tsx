import { useId } from 'react';
import type { Measure } from '../../core/chartSeries.ts';

const OPTIONS: readonly { readonly value: Measure; readonly label: string }[] = [
  { value: 'images', label: 'Images' },
  { value: 'patients', label: 'Patients' },
];

interface Props {
  readonly value: Measure;
  readonly onChange: (measure: Measure) => void;
}

/** "Count: Images | Patients", as native radios drawn as segmented buttons. */
export function MeasureSwitch({ value, onChange }: Props) {
  const id = useId();
  return (
    <div className="segmented" role="radiogroup" aria-labelledby={`${id}-label`}>
      <span id={`${id}-label`} className="segmented__label">
        Count
      </span>
      {OPTIONS.map((option) => (
        <label key={option.value} className="segmented__option">
          <input
            type="radio"
            name={`${id}-measure`}
            value={option.value}
            checked={value === option.value}
            onChange={() => onChange(option.value)}
          />
          <span>{option.label}</span>
        </label>
      ))}
    </div>
  );
}
