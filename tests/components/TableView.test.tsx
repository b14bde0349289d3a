// @vitest-environment jsdom
import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { setImageSize } from '../../src/core/datasetIndex.ts';
import type { ImageRecord } from '../../src/core/types.ts';
import TableView from '../../src/features/table/TableView.tsx';
import type { Session } from '../../src/state/session.ts';
import { africanRecord, fetalRecord } from '../unit/records.ts';
import { openSession, renderWith } from './render.tsx';

// 300 FETAL images with operators Op. 0 to Op. 11 in a scrambled order, and 5 African ones.
const records: ImageRecord[] = [
  ...Array.from({ length: 300 }, (_, i) =>
    fetalRecord({
      name: `Patient${String(i + 1).padStart(5, '0')}_Plane1_1_of_1`,
      patient: String(i + 1),
      operator: `Op. ${(i * 7) % 12}`,
      csvLine: i + 2,
    }),
  ),
  ...Array.from({ length: 5 }, (_, i) =>
    africanRecord({ name: `patient00${i + 1}_EGY_plane0`, patient: `Egypt/${i + 1}` }),
  ),
];
const fileName = (record: ImageRecord) => record.path.slice(record.path.lastIndexOf('/') + 1);
const natural = new Intl.Collator('en', { numeric: true }).compare;

/** The records by operator in a direction (1 or -1), those without one last, ties by file name. */
function byOperator(direction: number): ImageRecord[] {
  return [...records].sort(
    (a, b) =>
      (a.operator === null ? 1 : 0) - (b.operator === null ? 1 : 0) ||
      direction * natural(a.operator ?? '', b.operator ?? '') ||
      natural(fileName(a), fileName(b)),
  );
}

function setup(rows: readonly ImageRecord[] = records): Session {
  const session = openSession(rows);
  renderWith(session, <TableView />);
  return session;
}

/** The grid's order, which the table keeps until a header is clicked: by file name. */
const gridOrder = [...records].sort((a, b) => natural(fileName(a), fileName(b)));

/** The file names of the body rows in the DOM, top to bottom (role queries are slow in jsdom). */
function shownNames(): string[] {
  const rows = document.querySelectorAll('tbody tr[aria-rowindex]');
  return [...rows].map((row) => row.querySelector('td')?.textContent ?? '');
}

beforeEach(() => {
  // jsdom lays nothing out: give the scroller a height so the virtualizer shows rows.
  vi.spyOn(HTMLElement.prototype, 'clientHeight', 'get').mockReturnValue(480);
  vi.spyOn(HTMLElement.prototype, 'clientWidth', 'get').mockReturnValue(1200);
});

afterEach(() => vi.restoreAllMocks());

// Role queries over a table of ~400 cells are slow in jsdom on a busy machine.
describe('TableView', { timeout: 20_000 }, () => {
  it('has a header per field, every row counted, and only a window of rows in the DOM', () => {
    setup();
    const headers = screen.getAllByRole('columnheader').map((th) => th.textContent);
    expect(headers).toEqual([
      'File name',
      'Dataset',
      'Plane',
      'Brain plane',
      'Operator',
      'Machine',
      'Country',
      'Patient',
      'Split',
      'Frame',
      'Width',
      'Height',
      'Bytes',
      'CSV file',
      'CSV row',
    ]);
    const table = screen.getByRole('table', { name: 'Images' });
    expect(table).toHaveAttribute('aria-rowcount', String(records.length + 1));
    const shown = shownNames();
    expect(shown.length).toBeGreaterThan(5);
    expect(shown.length).toBeLessThan(40);
    expect(shown).toEqual(gridOrder.slice(0, shown.length).map(fileName));
  });

  it('sorts by a header: ascending, descending, then none, with aria-sort to match', async () => {
    setup();
    const header = screen.getByRole('columnheader', { name: 'Operator' });
    const button = within(header).getByRole('button');
    expect(header).toHaveAttribute('aria-sort', 'none');

    await userEvent.click(button);
    expect(header).toHaveAttribute('aria-sort', 'ascending');
    const ascending = shownNames();
    expect(ascending).toEqual(byOperator(1).slice(0, ascending.length).map(fileName));

    await userEvent.click(button);
    expect(header).toHaveAttribute('aria-sort', 'descending');
    const descending = shownNames();
    expect(descending).toEqual(byOperator(-1).slice(0, descending.length).map(fileName));

    await userEvent.click(button);
    expect(header).toHaveAttribute('aria-sort', 'none');
    expect(shownNames()[0]).toBe(fileName(gridOrder[0] as ImageRecord));
  });

  it('re-sorts by width as image sizes arrive', async () => {
    const session = setup(records.slice(0, 20));
    await userEvent.click(screen.getByRole('button', { name: 'Width' }));
    expect(shownNames()[0]).toBe(fileName(records[0] as ImageRecord));

    const index = session.store.get().data?.index;
    if (index === undefined) throw new Error('no data open');
    act(() => {
      setImageSize(index, 7, 320, 240, 5000);
      session.store.set((state) => ({ sizesVersion: state.sizesVersion + 1 }));
    });
    expect(shownNames()[0]).toBe(fileName(records[7] as ImageRecord));
    expect(screen.getByText('320')).toBeInTheDocument();
    expect(screen.getByText('5.0 kB')).toBeInTheDocument();
  });

  it('keeps the focus where it was when sizes arriving reorder a size sort', async () => {
    const session = setup(records.slice(0, 20));
    const index = session.store.get().data?.index;
    if (index === undefined) throw new Error('no data open');
    await userEvent.click(screen.getByRole('button', { name: 'Height' }));
    document.querySelector<HTMLElement>('tbody tr[aria-rowindex="3"]')?.focus();

    act(() => {
      setImageSize(index, 19, 320, 240, 5000);
      session.store.set((state) => ({ sizesVersion: state.sizesVersion + 1 }));
    });
    expect(shownNames()[0]).toBe(fileName(records[19] as ImageRecord));
    expect(document.activeElement).toHaveAttribute('aria-rowindex', '3');
  });

  it('hides a column from the Columns menu, and keeps the file name', async () => {
    setup();
    const button = screen.getByRole('button', { name: 'Columns' });
    await userEvent.click(button);
    expect(button).toHaveAttribute('aria-expanded', 'true');
    const menu = screen.getByRole('group', { name: 'Columns shown' });
    expect(within(menu).getByRole('checkbox', { name: 'File name' })).toBeDisabled();

    await userEvent.click(within(menu).getByRole('checkbox', { name: 'Machine' }));
    expect(screen.queryByRole('columnheader', { name: 'Machine' })).toBeNull();
    expect(screen.queryByText('Voluson E6')).toBeNull();
    expect(screen.getAllByRole('columnheader')).toHaveLength(14);

    await userEvent.keyboard('{Escape}');
    expect(button).toHaveAttribute('aria-expanded', 'false');
    expect(button).toHaveFocus();
    expect(button).toHaveAccessibleName('Columns (1 hidden)');
  });

  it('opens the viewer on the clicked row, and on Enter after moving with the arrows', async () => {
    const session = setup();
    const view = vi.spyOn(session, 'view');
    const idAt = (position: number) => records.indexOf(gridOrder[position] as ImageRecord);
    await userEvent.click(screen.getByText(fileName(gridOrder[3] as ImageRecord)));
    expect(view).toHaveBeenCalledWith(idAt(3));
    expect(document.activeElement).toHaveAttribute('aria-rowindex', '5');
    expect(session.store.get().viewer).toBe(idAt(3));

    await userEvent.keyboard('{ArrowDown}{ArrowDown}{Enter}');
    expect(session.store.get().viewer).toBe(idAt(5));
    await userEvent.keyboard('{Home}{Enter}');
    expect(session.store.get().viewer).toBe(idAt(0));
  });

  it('writes CSV values as text, never as HTML', () => {
    setup([fetalRecord({ operator: '<img src=x onerror=alert(1)>' })]);
    expect(screen.getByText('<img src=x onerror=alert(1)>')).toBeInTheDocument();
    expect(document.querySelector('img')).toBeNull();
  });
});
