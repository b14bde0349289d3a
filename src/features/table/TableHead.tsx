import { cellClass, type ImageTable } from './columns.ts';

/** The header row's height in CSS pixels: the rows scroll under it. */
export const HEAD_HEIGHT = 36;

const ARIA_SORT = { asc: 'ascending', desc: 'descending' } as const;
const ARROW = { asc: '▲', desc: '▼' } as const;

/** The sticky header row: one button per visible column, cycling ascending, descending, none. */
export function TableHead({ table }: { readonly table: ImageTable }) {
  return (
    <thead>
      {table.getHeaderGroups().map((group) => (
        <tr key={group.id} aria-rowindex={1} style={{ height: HEAD_HEIGHT }}>
          {group.headers.map((header) => {
            const sorted = header.column.getIsSorted();
            return (
              <th
                key={header.id}
                scope="col"
                aria-sort={sorted === false ? 'none' : ARIA_SORT[sorted]}
                className={cellClass(header.column)}
              >
                <button
                  type="button"
                  className="table-sort"
                  onClick={header.column.getToggleSortingHandler()}
                >
                  <table.FlexRender header={header} />
                  <span className="table-sort__arrow" aria-hidden="true">
                    {sorted === false ? '' : ARROW[sorted]}
                  </span>
                </button>
              </th>
            );
          })}
        </tr>
      ))}
    </thead>
  );
}
