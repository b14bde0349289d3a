// @vitest-environment jsdom
import { act, fireEvent, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { FINDING_HEADING, FINDING_KINDS } from '../../src/core/audit/index.ts';
import { frequenciesFor } from '../unit/frequencies.ts';
import type { ImageRecord, Problem } from '../../src/core/types.ts';
import AuditView from '../../src/features/audit/AuditView.tsx';
import type { FileEntry } from '../../src/io/folder.ts';
import type { Session } from '../../src/state/session.ts';
import { africanRecord, fetalRecord } from '../unit/records.ts';
import { openSession, renderWith } from './render.tsx';

const HEADINGS = [...FINDING_KINDS.map((kind) => FINDING_HEADING[kind]), 'Cross-tab'];

const brain = (patient: string, k: number, split: string, machine: string): ImageRecord =>
  fetalRecord({
    name: `Patient${patient.padStart(5, '0')}_Plane3_${k}_of_2`,
    patient,
    plane: 'Fetal brain',
    brainPlane: 'Trans-thalamic',
    split,
    machine,
    frame: { k, n: 2 },
  });

// Patient 1 is in Train and Test (leakage); 2 and 4 are the same bytes across Train and Test;
// the near-duplicate test makes 3 look like 0 within 8 bits; the Egypt image goes missing.
const records: ImageRecord[] = [
  brain('1', 1, 'Train', 'Voluson E6'), // 0
  brain('1', 2, 'Test', 'Voluson E6'), // 1
  brain('2', 1, 'Test', 'Voluson S10'), // 2
  brain('3', 1, 'Test', 'Voluson S10'), // 3
  brain('4', 1, 'Train', 'Voluson S10'), // 4
  africanRecord(), // 5
];

// Hashes 32 or more bits apart, disagreeing on every bit (see frequenciesFor): nothing alike.
const FAR = [
  0n,
  0xffffffffffffffffn,
  0xffffffff00000000n,
  0x00000000ffffffffn,
  0xffff0000ffff0000n,
  0x0000ffff0000ffffn,
];

interface Plant {
  readonly records?: readonly ImageRecord[];
  readonly problems?: readonly Problem[];
  readonly content?: readonly (string | undefined)[];
  readonly perceptual?: readonly (bigint | undefined)[];
  readonly hashed?: number;
  readonly hashing?: boolean;
  readonly files?: readonly FileEntry[];
}

/** Opens the records with the given hashes and problems, as if the image pass had read them. */
function setup(plant: Plant = {}): Session {
  const opened = plant.records ?? records;
  const session = openSession(opened);
  const opening = session.store.get().data;
  if (opening === null) throw new Error('no data');
  const files = new Map((plant.files ?? []).map((entry) => [entry.path, entry]));
  const data = { ...opening, files };
  const content = plant.content ?? opened.map((_, id) => `hash${id}`);
  const perceptual = plant.perceptual ?? opened.map((_, id) => FAR[id % FAR.length]);
  content.forEach((hash, id) => (data.hashes.content[id] = hash));
  perceptual.forEach((hash, id) => {
    if (hash !== undefined) data.hashes.frequencies[id] = frequenciesFor(hash);
  });
  session.store.set((state) => ({
    data,
    problems: plant.problems ?? [],
    auditVersion: state.auditVersion + 1,
    progress: {
      ...state.progress,
      images: opened.length,
      scanned: plant.hashed ?? opened.length,
      scanning: plant.hashing ?? false,
    },
  }));
  renderWith(session, <AuditView />);
  return session;
}

function sectionOf(heading: string): HTMLElement {
  const section = screen.getByRole('heading', { name: heading, level: 3 }).closest('section');
  if (section === null) throw new Error(`no section ${heading}`);
  return section;
}

const missing: Problem = {
  kind: 'missing-image',
  file: 'Egypt/patient001_EGY_plane0.png',
  message: 'Egypt/patient001_EGY_plane0.png is not in the folder.',
};

describe('AuditView', () => {
  it('shows the eight headings in order', () => {
    setup();
    const headings = screen.getAllByRole('heading', { level: 3 }).map((h) => h.textContent);
    expect(headings).toEqual(HEADINGS);
  });

  it('says there is nothing to report under every finding heading of a clean folder', () => {
    const clean = records.filter((record) => record.patient !== '1');
    setup({ records: clean });
    for (const kind of FINDING_KINDS) {
      expect(
        within(sectionOf(FINDING_HEADING[kind])).getByText('Nothing to report.'),
      ).toBeVisible();
    }
    expect(screen.getByText('No findings: nothing to report under any heading.')).toBeVisible();
  });

  it('says duplicates are partial while hashing runs', () => {
    setup({ hashed: 2, hashing: true, content: [], perceptual: [] });
    expect(screen.getByText('Hashing images: 2 of 6')).toBeVisible();
    for (const heading of [FINDING_HEADING['exact-duplicate'], FINDING_HEADING['near-duplicate']]) {
      expect(
        within(sectionOf(heading)).getByText('Nothing found so far (2 of 6 images hashed).'),
      ).toBeVisible();
    }
  });

  it('lists a missing image by file name, and opens it in the viewer', async () => {
    const session = setup({ problems: [missing] });
    const section = sectionOf(FINDING_HEADING.missing);
    await userEvent.click(
      within(section).getByRole('button', { name: 'patient001_EGY_plane0.png' }),
    );
    expect(session.store.get().viewer).toBe(5);
  });

  it('previews a file without a row in a dialog that Escape closes, revoking its URL', async () => {
    const file = new File([new Uint8Array([137, 80, 78])], 'extra.png', { type: 'image/png' });
    const entry: FileEntry = {
      path: 'stray/extra.png',
      size: file.size,
      lastModified: 0,
      getFile: () => Promise.resolve(file),
    };
    const revoke = vi.fn();
    // jsdom has no object URLs.
    Object.assign(URL, { createObjectURL: () => 'blob:extra', revokeObjectURL: revoke });
    const unlisted: Problem = {
      kind: 'unlisted-file',
      file: entry.path,
      message: 'stray/extra.png is named by no row.',
    };
    setup({ problems: [unlisted], files: [entry] });
    const opener = within(sectionOf(FINDING_HEADING.unlisted)).getByRole('button', {
      name: 'extra.png',
    });
    await userEvent.click(opener);

    const dialog = screen.getByRole('dialog', { name: 'extra.png' });
    expect(await within(dialog).findByText('3 B')).toBeVisible();
    expect(dialog.querySelector('img')).toHaveAttribute('src', 'blob:extra');
    expect(within(dialog).getByRole('button', { name: 'Close' })).toHaveFocus();
    await userEvent.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(revoke).toHaveBeenCalledWith('blob:extra');
    expect(opener).toHaveFocus();
  });

  it('lists a leaked patient per split, each image opening the viewer', async () => {
    const session = setup();
    const section = sectionOf(FINDING_HEADING.leakage);
    expect(within(section).getByText('Patient 1')).toBeVisible();
    expect(within(section).getByText('Train: 1 image')).toBeVisible();
    await userEvent.click(
      within(section).getByRole('button', { name: 'Patient00001_Plane3_2_of_2.png' }),
    );
    expect(session.store.get().viewer).toBe(1);
  });

  it('lists an exact duplicate across Train, Test and patients with its badges', () => {
    const content = records.map((_, id) => (id === 4 ? 'hash2' : `hash${id}`));
    setup({ content });
    const section = sectionOf(FINDING_HEADING['exact-duplicate']);
    expect(within(section).getByText('Spans Train and Test')).toBeVisible();
    expect(within(section).getByText('Spans patients')).toBeVisible();
    const names = within(section)
      .getAllByRole('button')
      .map((button) => button.title);
    expect(names).toEqual([records[2]?.path, records[4]?.path]);
  });

  it('moves the near-duplicate threshold through the session once it rests, and lists what it finds', async () => {
    const perceptual = records.map((_, id) => (id === 3 ? 0xffn : FAR[id % FAR.length]));
    const session = setup({ perceptual });
    const section = sectionOf(FINDING_HEADING['near-duplicate']);
    const slider = within(section).getByRole('slider', { name: 'Similarity threshold' });
    expect(slider).toHaveValue('6');
    expect(within(section).getByText(/default 6 bits/)).toBeVisible();
    expect(within(section).getByText('Nothing to report.')).toBeVisible();

    act(() => {
      fireEvent.change(slider, { target: { value: '9' } });
    });
    // The label follows the thumb at once; the audit is redone only once it rests.
    expect(slider).toHaveValue('9');
    expect(session.store.get().nearBits).toBe(6);
    await vi.waitFor(() => expect(session.store.get().nearBits).toBe(9));
    expect(slider).toHaveValue('9');
    expect(within(section).getByText('2 images of 2 patients')).toBeVisible();
    expect(
      within(section).getByRole('button', { name: /^Patient00003_Plane3_1_of_2\.png/ }),
    ).toBeVisible();
  });

  it('counts machine by split over the selection in the cross-tab', () => {
    setup();
    const table = within(sectionOf('Cross-tab')).getByRole('table');
    const cell = (machine: string, split: string) => {
      const row = within(table).getByRole('rowheader', { name: machine }).closest('tr');
      const columns = within(table)
        .getAllByRole('columnheader')
        .map((th) => th.textContent);
      return row?.children[columns.indexOf(split)]?.querySelector('.audit-xtab__count');
    };
    for (const machine of ['Voluson E6', 'Voluson S10']) {
      for (const split of ['Train', 'Test']) {
        const expected = records.filter((r) => r.machine === machine && r.split === split).length;
        expect(cell(machine, split)).toHaveTextContent(String(expected));
      }
    }
    expect(
      within(table)
        .getAllByRole('rowheader')
        .map((th) => th.textContent),
    ).toEqual(['Voluson E6', 'Voluson S10', 'Total']);
  });
});
