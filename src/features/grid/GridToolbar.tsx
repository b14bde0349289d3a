import { SORT_KEYS, type SortKey } from '../../core/order.ts';
import { TILE_SIZES } from '../../state/app.ts';
import { useApp } from '../../state/derived.ts';
import { useSession } from '../../state/react.ts';
import { GridTagger } from './GridTagger.tsx';

/** The grid's order and thumbnail size, and tagging the images it shows. */
export function GridToolbar() {
  const session = useSession();
  const view = useApp((state) => state.view);
  return (
    <div className="grid-toolbar">
      <label className="grid-toolbar__field">
        Sort by{' '}
        <select
          value={view.sort}
          onChange={(event) => session.setView({ sort: event.currentTarget.value as SortKey })}
        >
          {SORT_KEYS.map(({ key, label }) => (
            <option key={key} value={key}>
              {label}
            </option>
          ))}
        </select>
      </label>
      <button
        type="button"
        className="button button--small"
        aria-pressed={view.descending}
        onClick={() => session.setView({ descending: !view.descending })}
      >
        {view.descending ? 'Descending ↓' : 'Ascending ↑'}
      </button>
      <label className="grid-toolbar__field">
        <input
          type="checkbox"
          checked={view.perPatient}
          onChange={(event) => session.setView({ perPatient: event.currentTarget.checked })}
        />
        One tile per patient and plane
      </label>
      <label className="grid-toolbar__field">
        Thumbnail size{' '}
        <input
          type="range"
          min={TILE_SIZES.min}
          max={TILE_SIZES.max}
          step={TILE_SIZES.step}
          value={view.tileSize}
          onChange={(event) => session.setView({ tileSize: Number(event.currentTarget.value) })}
        />
      </label>
      <GridTagger />
    </div>
  );
}
