import { useApp } from '../../state/derived.ts';
import { useSession } from '../../state/react.ts';

/** The text query over file name and patient. */
export function SearchBox() {
  const session = useSession();
  const query = useApp((state) => state.filter.query);
  return (
    <div className="search">
      <label htmlFor="search-input" className="search__label">
        Search file name or patient
      </label>
      <input
        id="search-input"
        className="search__input"
        type="search"
        placeholder="e.g. Patient01234 or Egypt/12"
        value={query}
        onChange={(event) => session.search(event.currentTarget.value)}
        autoComplete="off"
        spellCheck={false}
      />
    </div>
  );
}
