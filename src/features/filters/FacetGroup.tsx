import { memo } from 'react';
import { isSelected, type FacetKey } from '../../core/facets.ts';
import { formatCount } from '../../core/format.ts';
import { useApp } from '../../state/derived.ts';
import { useSession } from '../../state/react.ts';

interface Props {
  readonly facet: FacetKey;
  readonly legend: string;
  readonly values: readonly string[];
  /** Per value: the images the user would see by checking it too. */
  readonly counts: Uint32Array;
}

/** One facet: a native checkbox per value, named `<value> (<count>)`. */
export const FacetGroup = memo(function FacetGroup({ facet, legend, values, counts }: Props) {
  const session = useSession();
  const filter = useApp((state) => state.filter);
  return (
    <fieldset className="facet">
      <legend className="facet__legend">{legend}</legend>
      {values.map((value, code) => {
        const count = counts[code] ?? 0;
        return (
          <label
            key={value}
            className={count === 0 ? 'facet__value facet__value--empty' : 'facet__value'}
          >
            <input
              type="checkbox"
              checked={isSelected(filter, facet, value)}
              onChange={() => session.toggle(facet, value)}
            />
            <span className="facet__name">{value}</span>{' '}
            <span className="facet__count">({formatCount(count)})</span>
          </label>
        );
      })}
    </fieldset>
  );
});
