// @vitest-environment jsdom
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { act } from 'react';
import { setImageSize } from '../../src/core/datasetIndex.ts';
import { FacetGroup } from '../../src/features/filters/FacetGroup.tsx';
import { FilterPanel } from '../../src/features/filters/FilterPanel.tsx';
import { StatusLine } from '../../src/features/status/StatusLine.tsx';
import type { ImageRecord } from '../../src/core/types.ts';
import { africanRecord, fetalRecord } from '../unit/records.ts';
import { openSession, renderWith } from './render.tsx';

// 1,500 FETAL images (every third a brain image, half of all in test) and 20 African ones.
const fetal: ImageRecord[] = Array.from({ length: 1500 }, (_, i) =>
  fetalRecord({
    name: `Patient${String(i + 1).padStart(5, '0')}_Plane1_1_of_1`,
    patient: String(i + 1),
    plane: i % 3 === 0 ? 'Fetal brain' : 'Other',
    brainPlane: i % 3 === 0 ? 'Trans-thalamic' : 'Not A Brain',
    operator: i % 2 === 0 ? 'Op. 1' : 'Op. 2',
    split: i % 2 === 0 ? 'Train' : 'Test',
  }),
);
const african: ImageRecord[] = Array.from({ length: 20 }, (_, i) =>
  africanRecord({
    name: `patient${String(i + 1).padStart(3, '0')}_EGY_plane1`,
    plane: 'Fetal brain',
    patient: `Egypt/${i + 1}`,
  }),
);
const count = (records: readonly ImageRecord[], keep: (r: ImageRecord) => boolean) =>
  records.filter(keep).length.toLocaleString('en-US');

function setup(records: readonly ImageRecord[]) {
  const session = openSession(records);
  renderWith(
    session,
    <>
      <StatusLine />
      <FilterPanel />
    </>,
  );
  return session;
}

describe('FilterPanel', () => {
  it('shows a fieldset per facet with values, legends as the user reads them', () => {
    setup([...fetal, ...african]);
    const legends = screen
      .getAllByRole('group')
      .map((group) => group.querySelector('legend')?.textContent);
    expect(legends).toEqual([
      'Dataset',
      'Plane',
      'Brain plane',
      'Operator',
      'Machine',
      'Country',
      'Split',
    ]);
  });

  it('hides the facets the open data has no value for', () => {
    setup(african);
    const legends = screen
      .getAllByRole('group')
      .map((group) => group.querySelector('legend')?.textContent);
    expect(legends).toEqual(['Dataset', 'Plane', 'Country', 'Split']);
  });

  it('names each checkbox by its value and its count, with thousands separators', () => {
    const all = [...fetal, ...african];
    setup(all);
    const plane = screen.getByRole('group', { name: 'Plane' });
    const brain = count(all, (r) => r.plane === 'Fetal brain');
    expect(
      within(plane).getByRole('checkbox', { name: `Fetal brain (${brain})` }),
    ).toBeInTheDocument();
    const dataset = count(all, (r) => r.dataset === 'fetal');
    expect(
      screen.getByRole('checkbox', { name: `FETAL_PLANES_DB (${dataset})` }),
    ).toBeInTheDocument();
    expect(dataset).toContain(',');
  });

  it('counts beside a value what checking it would show: other facets applied, not its own', async () => {
    const all = [...fetal, ...african];
    setup(all);
    await userEvent.click(screen.getByRole('checkbox', { name: /^Fetal brain / }));
    await userEvent.click(screen.getByRole('checkbox', { name: /^Test / }));

    const brainTest = (r: ImageRecord) => r.plane === 'Fetal brain' && r.split === 'Test';
    expect(screen.getByRole('status')).toHaveTextContent(
      `Showing ${count(all, brainTest)} of ${count(all, () => true)} images`,
    );
    // Plane counts keep the split filter but not the plane filter.
    const otherTest = count(all, (r) => r.plane === 'Other' && r.split === 'Test');
    expect(screen.getByRole('checkbox', { name: `Other (${otherTest})` })).not.toBeChecked();
    // Split counts keep the plane filter: Train is what adding Train to the split facet shows.
    const brainTrain = count(all, (r) => r.plane === 'Fetal brain' && r.split === 'Train');
    expect(screen.getByRole('checkbox', { name: `Train (${brainTrain})` })).toBeInTheDocument();
  });

  it('ORs values inside a facet and ANDs across facets; a missing field does not match', async () => {
    const all = [...fetal, ...african];
    setup(all);
    await userEvent.click(screen.getByRole('checkbox', { name: /^Op\. 1 / }));
    await userEvent.click(screen.getByRole('checkbox', { name: /^Op\. 2 / }));
    // Every FETAL image has operator 1 or 2; no African image has an operator.
    expect(screen.getByRole('status')).toHaveTextContent(`Showing ${count(fetal, () => true)} of`);
    expect(screen.getByRole('checkbox', { name: 'African planes (0)' })).toBeEnabled();
  });

  it('searches file names and patients, and clears every filter at once', async () => {
    const all = [...fetal, ...african];
    const session = setup(all);
    await userEvent.type(screen.getByLabelText('Search file name or patient'), 'Patient0001');
    const matches = count(all, (r) => r.name.toLowerCase().includes('patient0001'));
    expect(screen.getByRole('status')).toHaveTextContent(`Showing ${matches} of`);
    expect(screen.getByRole('group', { name: 'Active filters' })).toHaveTextContent('Patient0001');

    await userEvent.click(screen.getByRole('button', { name: 'Clear filters' }));
    expect(session.store.get().filter.query).toBe('');
    expect(screen.getByRole('status')).toHaveTextContent(`Showing ${count(all, () => true)} of`);
  });

  it('renders CSV values as text, never as HTML', () => {
    setup([fetalRecord({ operator: '<img src=x onerror=alert(1)>' })]);
    expect(
      screen.getByRole('checkbox', { name: '<img src=x onerror=alert(1)> (1)' }),
    ).toBeInTheDocument();
    expect(document.querySelector('img')).toBeNull();
  });
});

describe('FilterPanel (size)', () => {
  const legends = () =>
    screen.getAllByRole('group').map((group) => group.querySelector('legend')?.textContent);

  it('shows a Size facet once sizes are known, smallest area first, and filters by it', async () => {
    const session = setup(fetal);
    expect(legends()).not.toContain('Size');

    // Every third image 800×600, every third 640×480, the rest not read yet.
    const index = session.store.get().data?.index;
    act(() => {
      fetal.forEach((_, id) => {
        if (index === undefined || id % 3 === 2) return;
        setImageSize(index, id, id % 3 === 0 ? 800 : 640, id % 3 === 0 ? 600 : 480, 1);
      });
      session.store.set((state) => ({ sizesVersion: state.sizesVersion + 1 }));
    });
    expect(legends()?.at(-1)).toBe('Size');
    const size = screen.getByRole('group', { name: 'Size' });
    const names = within(size)
      .getAllByRole('checkbox')
      .map((box) => box.closest('label')?.textContent);
    expect(names).toEqual(['640×480 (500)', '800×600 (500)']);

    await userEvent.click(within(size).getByRole('checkbox', { name: '800×600 (500)' }));
    expect(screen.getByRole('status')).toHaveTextContent('Showing 500 of 1,500 images');
    expect(screen.getByRole('group', { name: 'Active filters' })).toHaveTextContent(
      'Size: 800×600',
    );
    // Other facets count within that size: its images are the brain ones (every third).
    expect(screen.getByRole('checkbox', { name: 'Fetal brain (500)' })).not.toBeChecked();
    expect(screen.getByRole('checkbox', { name: 'Other (0)' })).toBeInTheDocument();
  });
});

describe('FilterPanel (finding)', () => {
  const legends = () =>
    screen.getAllByRole('group').map((group) => group.querySelector('legend')?.textContent);

  it('hides the Finding facet while no image is part of a finding', () => {
    setup([...fetal, ...african]);
    expect(legends()).not.toContain('Finding');
  });

  it('keeps a checked kind that no image has, so that it can be unchecked', async () => {
    const session = setup(fetal);
    act(() => session.toggle('finding', 'Exact duplicate'));

    const finding = screen.getByRole('group', { name: 'Finding' });
    const names = within(finding)
      .getAllByRole('checkbox')
      .map((box) => box.closest('label')?.textContent);
    expect(names).toEqual(['Exact duplicate (0)']);
    expect(within(finding).getByRole('checkbox')).toBeChecked();
    expect(screen.getByRole('status')).toHaveTextContent('Showing 0 of 1,500 images');

    await userEvent.click(within(finding).getByRole('checkbox'));
    expect(legends()).not.toContain('Finding');
    expect(screen.getByRole('status')).toHaveTextContent('Showing 1,500 of 1,500 images');
  });

  it('shows each checked kind as an active filter that removes it', async () => {
    const session = setup(fetal);
    act(() => {
      session.toggle('finding', 'Near duplicate');
      session.toggle('finding', 'Unusual size');
    });
    const active = screen.getByRole('group', { name: 'Active filters' });
    expect(active).toHaveTextContent('Finding: Near duplicate');
    expect(active).toHaveTextContent('Finding: Unusual size');

    await userEvent.click(screen.getByRole('button', { name: 'Remove Finding: Near duplicate' }));
    expect(session.store.get().filter.facets.finding).toEqual(['Unusual size']);
  });
});

describe('FacetGroup (finding)', () => {
  it('names each kind by its count and checks it into the filter', async () => {
    const session = openSession(fetal);
    renderWith(
      session,
      <FacetGroup
        facet="finding"
        legend="Finding"
        values={['Exact duplicate', 'Near duplicate']}
        counts={Uint32Array.from([12, 3])}
      />,
    );
    const finding = screen.getByRole('group', { name: 'Finding' });
    const near = within(finding).getByRole('checkbox', { name: 'Near duplicate (3)' });
    expect(near).not.toBeChecked();

    await userEvent.click(near);
    expect(session.store.get().filter.facets.finding).toEqual(['Near duplicate']);
    expect(near).toBeChecked();
    expect(
      within(finding).getByRole('checkbox', { name: 'Exact duplicate (12)' }),
    ).not.toBeChecked();
  });
});

describe('StatusLine', () => {
  it('reads "Showing X of Y images" with thousands separators', () => {
    setup(fetal);
    expect(screen.getByRole('status')).toHaveTextContent('Showing 1,500 of 1,500 images');
  });

  it('is the only status element', () => {
    setup(fetal);
    expect(screen.getAllByRole('status')).toHaveLength(1);
  });
});
