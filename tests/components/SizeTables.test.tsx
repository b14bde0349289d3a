// @vitest-environment jsdom
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { act } from 'react';
import { setImageSize } from '../../src/core/datasetIndex.ts';
import type { ImageRecord } from '../../src/core/types.ts';
import { FilterPanel } from '../../src/features/filters/FilterPanel.tsx';
import { SizeTables } from '../../src/features/sizes/SizeTables.tsx';
import type { Session } from '../../src/state/session.ts';
import { africanRecord, fetalRecord } from '../unit/records.ts';
import { openSession, renderWith } from './render.tsx';

/** A record and the size its header gives; 0×0 while not read. */
interface Sized {
  readonly record: ImageRecord;
  readonly width: number;
  readonly height: number;
}

const fetal = (machine: string, n: number, width: number, height: number): Sized[] =>
  Array.from({ length: n }, () => ({ record: fetalRecord({ machine }), width, height }));
const egypt = (n: number, width: number, height: number): Sized[] =>
  Array.from({ length: n }, () => ({ record: africanRecord(), width, height }));

// Voluson E6 holds six known sizes, among them a planted odd one (333×777): an even count, so
// its lower median differs from the upper one. One Aloka image is not read yet.
const images: Sized[] = [
  ...fetal('Voluson E6', 3, 1144, 871),
  ...fetal('Voluson E6', 2, 724, 535),
  ...fetal('Voluson E6', 1, 333, 777),
  ...fetal('Aloka', 2, 806, 550),
  ...fetal('Aloka', 1, 750, 576),
  ...fetal('Aloka', 1, 0, 0),
  ...egypt(3, 400, 450),
  ...egypt(1, 500, 400),
];

const COLUMNS = ['Images', 'Most common size', 'Share', 'Distinct sizes', 'Width', 'Height'];

/** A group's row as the table should write it, worked out from the images with plain code. */
function expectedRow(label: string, group: readonly Sized[]): string[] {
  const known = group.filter((s) => s.width > 0);
  const tally = new Map<string, number>();
  for (const s of known)
    tally.set(`${s.width}×${s.height}`, (tally.get(`${s.width}×${s.height}`) ?? 0) + 1);
  const [commonest = '—', count = 0] = [...tally].sort((a, b) => b[1] - a[1])[0] ?? [];
  const spread = (values: number[]) => {
    const sorted = [...values].sort((a, b) => a - b);
    const lower = sorted[Math.floor((sorted.length - 1) / 2)];
    return `${sorted[0]} – ${lower} – ${sorted[sorted.length - 1]}`;
  };
  return [
    label,
    group.length.toLocaleString('en-US'),
    commonest,
    `${Math.round((count / known.length) * 1000) / 10}%`,
    String(tally.size),
    spread(known.map((s) => s.width)),
    spread(known.map((s) => s.height)),
  ];
}

function cellsOf(table: HTMLElement, label: string): string[] {
  const row = within(table).getByRole('rowheader', { name: label }).closest('tr');
  return [...(row?.querySelectorAll('th, td') ?? [])].map((cell) => cell.textContent ?? '');
}

/** Opens the images, sets the sizes read so far, and reports the header pass as given. */
function setup(sized: readonly Sized[], pass: { scanning: boolean; headersRead: number }): Session {
  const session = openSession(sized.map((s) => s.record));
  const index = session.store.get().data?.index;
  sized.forEach((s, id) => {
    if (index !== undefined) setImageSize(index, id, s.width, s.height, 1000);
  });
  session.store.set((state) => ({
    sizesVersion: state.sizesVersion + 1,
    progress: { ...state.progress, images: sized.length, ...pass },
  }));
  return session;
}

describe('SizeTables', () => {
  it('captions a table by country and one by machine, with the columns in order', () => {
    const session = setup(images, { scanning: false, headersRead: images.length });
    renderWith(session, <SizeTables />);
    for (const [caption, group] of [
      ['Image sizes by country', 'Country'],
      ['Image sizes by machine', 'Machine'],
    ] as const) {
      const table = screen.getByRole('table', { name: caption });
      const headers = within(table)
        .getAllByRole('columnheader')
        .map((th) => th.textContent);
      expect(headers).toEqual([group, ...COLUMNS]);
    }
  });

  it('writes each group as worked out from the sizes read, the median of an even count the lower', () => {
    const session = setup(images, { scanning: false, headersRead: images.length });
    renderWith(session, <SizeTables />);
    const byMachine = screen.getByRole('table', { name: 'Image sizes by machine' });
    const voluson = images.filter((s) => s.record.machine === 'Voluson E6');
    expect(cellsOf(byMachine, 'Voluson E6')).toEqual(expectedRow('Voluson E6', voluson));
    expect(cellsOf(byMachine, 'Voluson E6')).toEqual([
      'Voluson E6',
      '6',
      '1144×871',
      '50%',
      '3',
      '333 – 724 – 1144',
      '535 – 777 – 871',
    ]);
    const aloka = images.filter((s) => s.record.machine === 'Aloka');
    expect(cellsOf(byMachine, 'Aloka')).toEqual(expectedRow('Aloka', aloka));

    const byCountry = screen.getByRole('table', { name: 'Image sizes by country' });
    const spain = images.filter((s) => s.record.country === 'Spain');
    const egyptImages = images.filter((s) => s.record.country === 'Egypt');
    expect(cellsOf(byCountry, 'Spain')).toEqual(expectedRow('Spain', spain));
    expect(cellsOf(byCountry, 'Egypt')).toEqual(expectedRow('Egypt', egyptImages));
    expect(within(byCountry).getAllByRole('row')).toHaveLength(3);
  });

  it('is busy while headers are read, says how many are to come, and follows sizes in', () => {
    const partial = images.map((s, id) => (id < 3 ? s : { ...s, width: 0, height: 0 }));
    const session = setup(partial, { scanning: true, headersRead: 3 });
    renderWith(session, <SizeTables />);
    const table = screen.getByRole('table', { name: 'Image sizes by country' });
    expect(table).toHaveAttribute('aria-busy', 'true');
    expect(screen.getByText(/Reading image headers: 11 of 14 still to come/)).toBeInTheDocument();
    expect(cellsOf(table, 'Egypt').slice(2)).toEqual(['—', '—', '0', '—', '—']);

    const index = session.store.get().data?.index;
    act(() => {
      images.forEach((s, id) => {
        if (index !== undefined) setImageSize(index, id, s.width, s.height, 1000);
      });
      session.store.set((state) => ({
        sizesVersion: state.sizesVersion + 1,
        progress: { ...state.progress, scanning: false, headersRead: images.length },
      }));
    });
    expect(table).toHaveAttribute('aria-busy', 'false');
    expect(screen.queryByText(/still to come/)).toBeNull();
    const egyptImages = images.filter((s) => s.record.country === 'Egypt');
    expect(cellsOf(table, 'Egypt')).toEqual(expectedRow('Egypt', egyptImages));
  });

  it('keeps to the selection, and hides the machine table when no image has a machine', async () => {
    const session = setup(images, { scanning: false, headersRead: images.length });
    renderWith(
      session,
      <>
        <FilterPanel />
        <SizeTables />
      </>,
    );
    await userEvent.click(screen.getByRole('checkbox', { name: /^African planes / }));
    const byCountry = screen.getByRole('table', { name: 'Image sizes by country' });
    expect(
      within(byCountry)
        .getAllByRole('rowheader')
        .map((th) => th.textContent),
    ).toEqual(['Egypt']);
    expect(screen.queryByRole('table', { name: 'Image sizes by machine' })).toBeNull();
  });

  it('renders labels as text, never as HTML', () => {
    const odd = [{ record: africanRecord({ country: '<img src=x>' }), width: 10, height: 20 }];
    renderWith(setup(odd, { scanning: false, headersRead: 1 }), <SizeTables />);
    expect(screen.getByRole('rowheader', { name: '<img src=x>' })).toBeInTheDocument();
    expect(document.querySelector('img')).toBeNull();
  });
});
