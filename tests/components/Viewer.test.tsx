// @vitest-environment jsdom
import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import Viewer from '../../src/features/viewer/Viewer.tsx';
import type { ImageRecord } from '../../src/core/types.ts';
import { useApp } from '../../src/state/derived.ts';
import type { Session } from '../../src/state/session.ts';
import { africanRecord, fetalRecord } from '../unit/records.ts';
import { openSession, renderWith } from './render.tsx';

function frame(k: number, n: number, overrides: Partial<ImageRecord> = {}): ImageRecord {
  return fetalRecord({
    name: `Patient00216_Plane3_${k}_of_${n}`,
    patient: '216',
    plane: 'Fetal brain',
    brainPlane: 'Trans-thalamic',
    operator: 'Op. 2',
    machine: 'Voluson S10',
    split: 'Test',
    frame: { k, n },
    csvLine: 10 + k,
    ...overrides,
  });
}

// jsdom has no layout, hence no ResizeObserver: the view keeps a size of 0 × 0.
class NoResizeObserver {
  observe() {}
  unobserve() {}
  disconnect() {}
}
beforeAll(() => vi.stubGlobal('ResizeObserver', NoResizeObserver));
afterAll(() => vi.unstubAllGlobals());

// In the grid's order (by file name, numbers compared as numbers): the African image
// (patient001), Patient00025, then frames 1, 2, 3 of patient 216, listed out of order in the CSV.
const records: ImageRecord[] = [
  frame(3, 5), // 0
  fetalRecord({ name: 'Patient00025_Plane1_12_of_15', patient: '25', frame: { k: 12, n: 15 } }), // 1
  frame(1, 5), // 2
  frame(2, 5, { brainPlane: 'Trans-ventricular' }), // 3
  africanRecord(), // 4
];
// Ids in grid order: 4, 1, 2, 3, 0.

// Mounted the way the app does: only while the store names a record.
function Host() {
  const open = useApp((state) => state.viewer !== null);
  return (
    <>
      <button type="button">Grid cell</button>
      {open && <Viewer />}
    </>
  );
}

function setup(id: number): Session {
  const session = openSession(records);
  renderWith(session, <Host />);
  const cell = screen.getByRole('button', { name: 'Grid cell' });
  cell.focus();
  act(() => session.store.set({ viewer: id }));
  return session;
}

describe('Viewer', () => {
  it('is a modal dialog named by the file name, with the focus inside', () => {
    setup(0);
    const dialog = screen.getByRole('dialog', { name: 'Patient00216_Plane3_3_of_5.png' });
    expect(dialog).toHaveAttribute('aria-modal', 'true');
    expect(dialog).toHaveFocus();
  });

  it('says where the image sits in the filtered set, in grid order', () => {
    setup(3);
    expect(screen.getByText('4 of 5')).toBeInTheDocument();
  });

  it('steps to the next and previous image in grid order with the arrow keys', async () => {
    const session = setup(2);
    await userEvent.keyboard('{ArrowRight}');
    expect(session.store.get().viewer).toBe(3);
    expect(screen.getByRole('dialog')).toHaveAccessibleName('Patient00216_Plane3_2_of_5.png');
    await userEvent.keyboard('{ArrowLeft}{ArrowLeft}');
    expect(session.store.get().viewer).toBe(1);
  });

  it('does not step past either end', async () => {
    const session = setup(4);
    expect(screen.getByRole('button', { name: /Previous/ })).toHaveAttribute(
      'aria-disabled',
      'true',
    );
    await userEvent.keyboard('{ArrowLeft}');
    expect(session.store.get().viewer).toBe(4);

    act(() => session.view(0));
    expect(screen.getByText('5 of 5')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: /Next/ }));
    expect(session.store.get().viewer).toBe(0);
  });

  it('closes with Escape and gives the focus back to where it was', async () => {
    const session = setup(0);
    await userEvent.keyboard('{Escape}');
    expect(session.store.get().viewer).toBeNull();
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(screen.getByRole('button', { name: 'Grid cell' })).toHaveFocus();
  });

  it('keeps Tab inside the dialog', async () => {
    setup(0);
    const dialog = screen.getByRole('dialog');
    for (let i = 0; i < 30; i++) {
      await userEvent.tab();
      expect(dialog).toContainElement(document.activeElement as HTMLElement);
    }
    await userEvent.tab({ shift: true });
    expect(dialog).toContainElement(document.activeElement as HTMLElement);
  });

  it('lists every field of the record as text', () => {
    setup(3);
    const meta = screen.getByRole('region', { name: 'Metadata' });
    const value = (term: string) =>
      within(meta).getByText(term, { selector: 'dt' }).nextElementSibling?.textContent;
    expect(value('Dataset')).toBe('FETAL_PLANES_DB');
    expect(value('File')).toBe('Images/Patient00216_Plane3_2_of_5.png');
    expect(value('Plane')).toBe('Fetal brain');
    expect(value('Brain plane')).toBe('Trans-ventricular');
    expect(value('Operator')).toBe('Op. 2');
    expect(value('Machine')).toBe('Voluson S10');
    expect(value('Country')).toBe('Spain');
    expect(value('Patient')).toBe('216');
    expect(value('Split')).toBe('Test');
    expect(value('Frame')).toBe('2 of 5');
    expect(value('Width × height')).toBe('unknown (no image)'); // entries are null here
    expect(value('CSV file')).toBe('FETAL_PLANES_DB_data.csv');
    expect(value('CSV row')).toBe('12');
  });

  it('shows the size and bytes the index knows', () => {
    const session = openSession(records);
    const { index } = session.store.get().data ?? { index: null };
    if (index === null) throw new Error('no data');
    index.width[3] = 600;
    index.height[3] = 450;
    index.bytes[3] = 123_456;
    renderWith(session, <Host />);
    act(() => session.store.set({ viewer: 3 }));
    const meta = screen.getByRole('region', { name: 'Metadata' });
    expect(meta).toHaveTextContent('600×450');
    expect(meta).toHaveTextContent('123.5 kB');
  });

  it("lists the patient's frames of this plane by frame number, the current one marked", async () => {
    const session = setup(0);
    expect(screen.getByRole('heading', { name: /^Frame 3 of 5/ })).toBeInTheDocument();
    const strip = screen.getByRole('list', { name: 'Frames' });
    const frames = within(strip).getAllByRole('button');
    expect(frames.map((button) => button.getAttribute('aria-label'))).toEqual([
      'Frame 1 of 5',
      'Frame 2 of 5',
      'Frame 3 of 5',
    ]);
    expect(frames[2]).toHaveAttribute('aria-current', 'true');

    await userEvent.click(within(strip).getByRole('button', { name: 'Frame 1 of 5' }));
    expect(session.store.get().viewer).toBe(2);
    expect(screen.getByRole('heading', { name: /^Frame 1 of 5/ })).toBeInTheDocument();
  });

  it('shows a frame the filters leave out, and steps on from where the user was', async () => {
    const session = setup(2);
    act(() => session.toggle('brainPlane', 'Trans-thalamic')); // frame 2 (id 3) is left out
    expect(screen.getByText('1 of 2')).toBeInTheDocument();

    await userEvent.click(screen.getByRole('button', { name: 'Frame 2 of 5' }));
    expect(session.store.get().viewer).toBe(3);
    expect(screen.getByText('Outside the current filters')).toBeInTheDocument();
    await userEvent.keyboard('{ArrowRight}');
    expect(session.store.get().viewer).toBe(0); // frame 3, after frame 1 in the filtered set

    act(() => session.view(3));
    await userEvent.keyboard('{ArrowLeft}');
    expect(session.store.get().viewer).toBe(0); // back to the last image inside the filters
  });

  it('has no frame strip for an image without frames', () => {
    setup(4);
    expect(screen.queryByRole('list', { name: 'Frames' })).toBeNull();
    expect(screen.getByRole('region', { name: 'Metadata' })).not.toHaveTextContent('Brain plane');
  });

  it('says plainly that a missing image is missing, and still steps', async () => {
    const session = setup(1);
    expect(
      screen.getByText(/The image is missing: Patient00025_Plane1_12_of_15\.png/),
    ).toBeVisible();
    await userEvent.click(screen.getByRole('button', { name: /Next/ }));
    expect(session.store.get().viewer).toBe(2);
  });

  it('has window and level sliders, a reset and an invert toggle', async () => {
    setup(0);
    const window = screen.getByRole('slider', { name: 'Window' });
    const level = screen.getByRole('slider', { name: 'Level' });
    expect(window).toHaveValue('256');
    expect(level).toHaveValue('128');
    // The arrow keys move a focused slider, not the viewer.
    level.focus();
    await userEvent.keyboard('{ArrowRight}');
    expect(screen.getByRole('dialog')).toHaveAccessibleName('Patient00216_Plane3_3_of_5.png');
    await userEvent.click(screen.getByRole('checkbox', { name: 'Invert' }));
    expect(screen.getByRole('checkbox', { name: 'Invert' })).toBeChecked();
    await userEvent.click(screen.getByRole('button', { name: 'Reset' }));
    expect(screen.getByRole('checkbox', { name: 'Invert' })).not.toBeChecked();
  });
});
