// @vitest-environment jsdom
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import ChartsView from '../../src/features/charts/ChartsView.tsx';
import { StatusLine } from '../../src/features/status/StatusLine.tsx';
import type { ImageRecord } from '../../src/core/types.ts';
import { africanRecord, fetalRecord } from '../unit/records.ts';
import { openSession, renderWith } from './render.tsx';

// jsdom lays nothing out: report every observed element as 640 px wide, as a browser would.
class FixedResizeObserver {
  constructor(private readonly callback: ResizeObserverCallback) {}
  observe(target: Element) {
    const entry = { target, contentRect: { width: 640, height: 300 } } as ResizeObserverEntry;
    this.callback([entry], this as unknown as ResizeObserver);
  }
  unobserve() {}
  disconnect() {}
}

/** A user who prefers reduced motion: Recharts then draws bars at once, without animating. */
const reducedMotion = (query: string) =>
  ({
    matches: query.includes('prefers-reduced-motion: reduce'),
    media: query,
    addEventListener: () => {},
    removeEventListener: () => {},
  }) as unknown as MediaQueryList;

beforeEach(() => {
  vi.stubGlobal('ResizeObserver', FixedResizeObserver);
  vi.stubGlobal('matchMedia', reducedMotion);
});
afterEach(() => {
  vi.unstubAllGlobals();
});

// 1,500 FETAL images of 500 patients (3 frames each, brain every fourth patient, Test every
// third), and 30 Egyptian images of 10 patients.
const fetal: ImageRecord[] = Array.from({ length: 1500 }, (_, i) => {
  const patient = Math.floor(i / 3) + 1;
  const isBrain = patient % 4 === 0;
  return fetalRecord({
    name: `Patient${String(patient).padStart(5, '0')}_Plane1_${(i % 3) + 1}_of_3`,
    patient: String(patient),
    plane: isBrain ? 'Fetal brain' : 'Other',
    brainPlane: isBrain ? 'Trans-thalamic' : 'Not A Brain',
    operator: patient % 2 === 0 ? 'Op. 1' : 'Op. 2',
    split: patient % 3 === 0 ? 'Test' : 'Train',
  });
});
const african: ImageRecord[] = Array.from({ length: 30 }, (_, i) =>
  africanRecord({
    name: `patient${String(i + 1).padStart(3, '0')}_EGY_plane1`,
    plane: 'Fetal brain',
    patient: `Egypt/${Math.floor(i / 3) + 1}`,
  }),
);
const all = [...fetal, ...african];

/** Images or distinct patients of the records that `keep`, written as the page writes counts. */
function count(keep: (r: ImageRecord) => boolean, measure: 'images' | 'patients' = 'images') {
  const kept = all.filter(keep);
  const n = measure === 'images' ? kept.length : new Set(kept.map((r) => r.patient)).size;
  return n.toLocaleString('en-US');
}

function setup(records: readonly ImageRecord[] = all) {
  const session = openSession(records);
  renderWith(
    session,
    <>
      <StatusLine />
      <ChartsView />
    </>,
  );
  return session;
}

/** The chart titled `title`, its table shown. */
async function tableOf(title: string) {
  const chart = screen.getByRole('region', { name: title });
  await userEvent.click(within(chart).getByRole('button', { name: 'Show as table' }));
  return within(chart).getByRole('table', { name: title });
}

/** A table's rows as arrays of cell texts, header row first. */
const cells = (table: HTMLElement) =>
  within(table)
    .getAllByRole('row')
    .map((row) => Array.from(row.children, (cell) => cell.textContent));

// Recharts lays out every chart in JavaScript: a render takes ~0.3 s here, more on a busy machine.
describe('ChartsView', { timeout: 20_000 }, () => {
  it('titles each chart, and draws it as an image named by its figures', () => {
    setup();
    expect(screen.getAllByRole('heading', { level: 3 }).map((h) => h.textContent)).toEqual([
      'Images by plane and split',
      'Images by brain plane and split',
      'Images by country',
      'Images by machine',
      'Images by operator',
    ]);
    const country = screen.getByRole('region', { name: 'Images by country' });
    expect(within(country).getByRole('img')).toHaveAccessibleName(
      `Images by country: Egypt ${count((r) => r.country === 'Egypt')}; ` +
        `Spain ${count((r) => r.country === 'Spain')}.`,
    );
  });

  it('shows a chart as a table with the numbers of the selection', async () => {
    setup();
    const table = await tableOf('Images by plane and split');
    const brain = (r: ImageRecord) => r.plane === 'Fetal brain';
    const other = (r: ImageRecord) => r.plane === 'Other';
    expect(cells(table)).toEqual([
      ['Plane', 'Train', 'Test', 'All'],
      [
        'Fetal brain',
        count((r) => brain(r) && r.split === 'Train'),
        count((r) => brain(r) && r.split === 'Test'),
        count(brain),
      ],
      [
        'Other',
        count((r) => other(r) && r.split === 'Train'),
        count((r) => other(r) && r.split === 'Test'),
        count(other),
      ],
    ]);
    expect(count(other)).toContain(',');
    // The chart comes back with the same toggle.
    await userEvent.click(screen.getByRole('button', { name: 'Show as table', pressed: true }));
    expect(screen.queryByRole('table')).toBeNull();
  });

  it('counts patients instead of images with the Count switch', async () => {
    setup();
    const group = screen.getByRole('radiogroup', { name: 'Count' });
    expect(within(group).getByRole('radio', { name: 'Images' })).toBeChecked();
    await userEvent.click(within(group).getByRole('radio', { name: 'Patients' }));

    const table = await tableOf('Patients by operator');
    expect(cells(table)).toEqual([
      ['Operator', 'Patients'],
      ['Op. 1', count((r) => r.operator === 'Op. 1', 'patients')],
      ['Op. 2', count((r) => r.operator === 'Op. 2', 'patients')],
    ]);
    expect(screen.getByRole('heading', { name: 'Patients by country' })).toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: 'Images by country' })).toBeNull();
  });

  it('follows the filters, keeping the bars a filter empties', async () => {
    const session = setup();
    act(() => session.toggle('country', 'Egypt'));
    const table = await tableOf('Images by country');
    expect(cells(table)).toEqual([
      ['Country', 'Images'],
      ['Egypt', '30'],
      ['Spain', '0'],
    ]);
    expect(screen.getByRole('status')).toHaveTextContent('Showing 30 of 1,530 images');
  });

  it('filters by the bar clicked, once: a second click keeps the filter', async () => {
    const session = setup();
    const chart = screen.getByRole('region', { name: 'Images by country' });
    const plot = chart.querySelector('.recharts-wrapper');
    if (plot === null) throw new Error('no chart drawn');
    // jsdom places the chart at 0,0 unscaled: y 18 falls in the first band, Egypt. The pointer
    // hovers before it clicks, as in a browser; Recharts takes the hover in the next frame.
    const egypt = { clientX: 300, clientY: 18 };
    fireEvent.mouseMove(plot, egypt);
    await waitFor(() => expect(within(chart).getByText('Click to filter by it')).toBeVisible());
    fireEvent.click(plot, egypt);
    expect(session.store.get().filter.facets.country).toEqual(['Egypt']);
    expect(screen.getByRole('status')).toHaveTextContent('Showing 30 of 1,530 images');

    await waitFor(() => expect(within(chart).getByText('Already in the filters')).toBeVisible());
    fireEvent.click(plot, egypt);
    expect(session.store.get().filter.facets.country).toEqual(['Egypt']);
  });

  it('hides the charts the open datasets have no values for', () => {
    setup(african);
    expect(screen.getAllByRole('heading', { level: 3 }).map((h) => h.textContent)).toEqual([
      'Images by plane and split',
      'Images by country',
    ]);
  });

  it('tells how to filter from a chart', () => {
    setup();
    expect(screen.getByText('Click a bar to add its value to the filters.')).toBeVisible();
  });
});
