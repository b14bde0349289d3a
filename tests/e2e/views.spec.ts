// The explorer's views beyond the grid: charts, image-size tables, the table and the viewer, over
// a generated folder whose every figure is worked out here from its CSVs and manifest.

import { expect, test, type Locator, type Page } from '@playwright/test';
import type { Manifest, Size } from '../fixtures/spec.ts';
import {
  countMatching,
  fileOf,
  formatCount,
  frameOf,
  naturalCompare,
  passes,
  patientOf,
  readRows,
  sizeTableRows,
  sizeText,
  splitChartRows,
  statusText,
  valueChartRows,
  writtenSizes,
  type Filter,
  type Row,
} from './expected.ts';
import {
  chartBarPoint,
  chartCard,
  clickChartBar,
  facetCheckbox,
  note,
  openFolder,
  statusLine,
  tableHeaders,
  tableRows,
  waitForChartsDrawn,
  waitForFirstScreen,
  waitForScan,
} from './explorer-page.ts';
import { fixtureFolder } from './folders.ts';
import { watchPage } from './watch.ts';

let manifest: Manifest;
let rows: Row[];
let total: number;
let sizes: Map<string, Size>;

test.beforeAll(async () => {
  manifest = await fixtureFolder('views');
  rows = readRows(manifest.out, manifest.csvs);
  total = rows.length;
  sizes = writtenSizes(manifest.images);
});

/** Opens the folder on a fresh page; resolves once the status line shows every image. */
async function openViews(page: Page): Promise<void> {
  await page.goto('/');
  await openFolder(page, manifest.out, statusText(total, total));
}

function shot(name: string): string {
  return test.info().outputPath(name);
}

test('a chart bar filters, and the charts count images or patients as the CSVs do', async ({
  page,
}) => {
  const watch = watchPage(page);
  await openViews(page);
  await page.getByRole('tab', { name: 'Charts' }).click();

  const planes = chartCard(page, 'Images by plane and split');
  const planeRows = splitChartRows(rows, 'plane', 'images', {});
  const described = planeRows
    .map(([plane, train, test, all]) => `${plane} ${all} (Train ${train}, Test ${test})`)
    .join('; ');
  await expect(planes.getByRole('img')).toHaveAccessibleName(
    `Images by plane and split: ${described}.`,
  );
  const others = ['brain plane and split', 'country', 'machine', 'operator'];
  for (const title of others.map((by) => `Images by ${by}`)) {
    await expect(chartCard(page, title).getByRole('img')).toHaveAccessibleName(
      new RegExp(`^${title}: `),
    );
  }
  await waitForScan(page);
  await waitForChartsDrawn(page);
  await page.screenshot({ path: shot('charts.png') });

  await test.step('a click on the bar "Fetal brain", then on "Egypt", filters by them', async () => {
    const activeFilters = page.getByRole('group', { name: 'Active filters' });
    await clickChartBar(planes, 'Fetal brain');
    const brain: Filter = { facets: { plane: ['Fetal brain'] } };
    await expect(statusLine(page)).toHaveText(statusText(countMatching(rows, brain), total));
    await expect(activeFilters.getByRole('listitem')).toHaveText(['Plane: Fetal brain×']);
    await expect(
      activeFilters.getByRole('button', { name: 'Remove Plane: Fetal brain' }),
    ).toBeVisible();
    await expect(facetCheckbox(page, 'plane', 'Fetal brain')).toBeChecked();

    const countries = chartCard(page, 'Images by country');
    await clickChartBar(countries, 'Egypt');
    const brainEgypt: Filter = { facets: { plane: ['Fetal brain'], country: ['Egypt'] } };
    const shown = countMatching(rows, brainEgypt);
    expect(shown).toBeGreaterThan(0);
    await expect(statusLine(page)).toHaveText(statusText(shown, total));
    await expect(activeFilters.getByRole('listitem')).toHaveText([
      'Plane: Fetal brain×',
      'Country: Egypt×',
    ]);
    await expect(facetCheckbox(page, 'country', 'Egypt')).toBeChecked();

    // The charts show the filtered images: as a table, the country chart has Egypt's only.
    await countries.getByRole('button', { name: 'Show as table' }).click();
    await expect(countries.getByRole('button', { name: 'Show as table' })).toHaveAttribute(
      'aria-pressed',
      'true',
    );
    const countryTable = countries.getByRole('table', { name: 'Images by country' });
    await expect(countryTable).toBeVisible();
    expect(await tableRows(countryTable)).toEqual(valueChartRows(rows, 'country', brainEgypt));
    await waitForChartsDrawn(page);
    await page.screenshot({ path: shot('charts-filtered.png') });
    await countries.getByRole('button', { name: 'Show as table' }).click();
    await expect(countries.getByRole('img')).toBeVisible();

    await page.getByRole('button', { name: 'Clear filters' }).click();
    await expect(statusLine(page)).toHaveText(statusText(total, total));
  });

  await test.step('"Count: Patients" turns the tables into distinct patients', async () => {
    await planes.getByRole('button', { name: 'Show as table' }).click();
    const imagesTable = planes.getByRole('table', { name: 'Images by plane and split' });
    expect(await tableHeaders(imagesTable)).toEqual(['Plane', 'Train', 'Test', 'All']);
    expect(await tableRows(imagesTable)).toEqual(planeRows);

    // The radios are drawn as segmented buttons: click the visible segment, as a user does.
    const count = page.getByRole('radiogroup', { name: 'Count' });
    const patients = count.getByRole('radio', { name: 'Patients' });
    await count.getByText('Patients', { exact: true }).click();
    await expect(patients).toBeChecked();
    const patientPlanes = chartCard(page, 'Patients by plane and split');
    const patientTable = patientPlanes.getByRole('table', { name: 'Patients by plane and split' });
    await expect(patientTable).toBeVisible();
    const expected = splitChartRows(rows, 'plane', 'patients', {});
    expect(expected, 'patients differ from images').not.toEqual(planeRows);
    expect(await tableRows(patientTable)).toEqual(expected);

    const brainPlanes = chartCard(page, 'Patients by brain plane and split');
    await brainPlanes.getByRole('button', { name: 'Show as table' }).click();
    const brainTable = brainPlanes.getByRole('table', {
      name: 'Patients by brain plane and split',
    });
    expect(await tableRows(brainTable)).toEqual(
      splitChartRows(rows, 'brain', 'patients', {}, ['Not A Brain']),
    );
    await page.screenshot({ path: shot('charts-patients.png') });
  });

  watch.expectClean();
});

test.describe('on a touch screen', () => {
  test.use({ hasTouch: true });

  test('a tap on a chart bar filters by that bar', async ({ page }) => {
    const watch = watchPage(page);
    await openViews(page);
    await page.getByRole('tab', { name: 'Charts' }).click();
    const planes = chartCard(page, 'Images by plane and split');
    await expect(planes.getByRole('img')).toBeVisible();
    await waitForChartsDrawn(page);
    const activeFilters = page.getByRole('group', { name: 'Active filters' });

    const brain = await chartBarPoint(planes, 'Fetal brain');
    await page.touchscreen.tap(brain.x, brain.y);
    const brainOnly: Filter = { facets: { plane: ['Fetal brain'] } };
    // A tap acts at once, as a click does: no need to wait the default 30 s to see it did not.
    await expect(statusLine(page)).toHaveText(statusText(countMatching(rows, brainOnly), total), {
      timeout: 5_000,
    });
    await expect(activeFilters.getByRole('listitem')).toHaveText(['Plane: Fetal brain×']);

    // The plane chart now has the Fetal brain bar only: tap a country's.
    const countries = chartCard(page, 'Images by country');
    const egypt = await chartBarPoint(countries, 'Egypt');
    await page.touchscreen.tap(egypt.x, egypt.y);
    const brainEgypt: Filter = { facets: { plane: ['Fetal brain'], country: ['Egypt'] } };
    await expect(statusLine(page)).toHaveText(statusText(countMatching(rows, brainEgypt), total), {
      timeout: 5_000,
    });
    await expect(activeFilters.getByRole('listitem')).toHaveText([
      'Plane: Fetal brain×',
      'Country: Egypt×',
    ]);
    watch.expectClean();
  });
});

/** Records, from before the app loads, each state the size tables and their note go through. */
function recordSizeTables(page: Page) {
  return page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { sizeStates: string[] }).sizeStates = seen;
    const record = () => {
      for (const table of document.querySelectorAll('table')) {
        const caption = table.caption?.textContent ?? '';
        if (!caption.startsWith('Image sizes by')) continue;
        const noteId = table.getAttribute('aria-describedby') ?? '';
        const noteText = document.getElementById(noteId)?.textContent ?? '';
        const state = `${caption} | aria-busy=${table.getAttribute('aria-busy')} | ${noteText}`;
        if (seen.at(-1) !== state) seen.push(state);
      }
    };
    new MutationObserver(record).observe(document, {
      subtree: true,
      childList: true,
      attributes: true,
      characterData: true,
    });
  });
}

test('the size tables read the sizes the generator wrote, per country and per machine', async ({
  page,
}) => {
  const watch = watchPage(page);
  await recordSizeTables(page);
  await openViews(page);
  await page.getByRole('tab', { name: 'Charts' }).click();

  const byCountry = page.getByRole('table', { name: 'Image sizes by country', exact: true });
  const byMachine = page.getByRole('table', { name: 'Image sizes by machine', exact: true });
  await expect(byCountry).toBeVisible();
  // Right after opening the headers are still being read: the tables say so.
  const states = () =>
    page.evaluate(() => (window as unknown as { sizeStates: string[] }).sizeStates);
  const busy = (await states()).filter((state) => state.includes('aria-busy=true'));
  note('size table states while loading', busy.slice(0, 3).join(' ‖ '));
  expect(busy.length, 'aria-busy="true" seen while headers were read').toBeGreaterThan(0);
  expect(busy[0]).toMatch(
    new RegExp(`Reading image headers: [\\d,]+ of ${formatCount(total)} still to come\\.`),
  );

  await expect(byCountry).toHaveAttribute('aria-busy', 'false', { timeout: 120_000 });
  await expect(byMachine).toHaveAttribute('aria-busy', 'false');
  await expect(page.getByText('Read from each image’s header.')).toBeVisible();

  const odd = manifest.flaws.flatMap((flaw) => (flaw.kind === 'odd-size' ? [flaw] : []));
  const oddMachine = odd.find((flaw) => flaw.dataset === 'fetal');
  expect(oddMachine, 'an odd size planted on a machine').toBeDefined();
  expect(odd.some((flaw) => flaw.dataset === 'african')).toBe(true);

  await test.step('every figure per country and per machine', async () => {
    const countries = sizeTableRows(rows, sizes, 'country', {});
    const machines = sizeTableRows(rows, sizes, 'machine', {});
    // The planted sizes show: each group holding one has more than one distinct size.
    for (const flaw of odd) {
      const row = rows.find((candidate) => candidate.name === flaw.name);
      const group = row?.machine ?? row?.country ?? '';
      const cells = (row?.machine === null ? countries : machines).get(group);
      expect(Number(cells?.[4]), `${group} holds ${flaw.name}`).toBeGreaterThan(1);
    }
    await expectSizeTable(byCountry, 'Country', countries);
    await expectSizeTable(byMachine, 'Machine', machines);
    const sizesSection = page.getByRole('region', { name: 'Image sizes' });
    await sizesSection.scrollIntoViewIfNeeded();
    await sizesSection.screenshot({ path: shot('size-tables.png') });
  });

  await test.step('the Size facet lists every size written, with its images', async () => {
    const perSize = new Map<string, number>();
    for (const row of rows) {
      const size = sizes.get(row.name);
      if (size !== undefined) perSize.set(sizeText(size), (perSize.get(sizeText(size)) ?? 0) + 1);
    }
    const group = page.getByRole('group', { name: 'Size', exact: true });
    await expect(group.getByRole('checkbox')).toHaveCount(perSize.size);
    for (const [size, count] of perSize) {
      await expect(
        group.getByRole('checkbox', { name: `${size} (${formatCount(count)})`, exact: true }),
      ).toHaveCount(1);
    }
    // The odd size planted in one image picks that image alone.
    const oddSize = sizeText({ width: oddMachine?.width ?? 0, height: oddMachine?.height ?? 0 });
    await group.getByRole('checkbox', { name: `${oddSize} (1)`, exact: true }).check();
    await expect(statusLine(page)).toHaveText(statusText(1, total));
    await page.getByRole('button', { name: 'Clear filters' }).click();
    await expect(statusLine(page)).toHaveText(statusText(total, total));
  });

  await test.step('filtered to Egypt, then to Aloka, the tables narrow', async () => {
    const egypt: Filter = { facets: { country: ['Egypt'] } };
    await facetCheckbox(page, 'country', 'Egypt').check();
    await expect(statusLine(page)).toHaveText(statusText(countMatching(rows, egypt), total));
    await expectSizeTable(byCountry, 'Country', sizeTableRows(rows, sizes, 'country', egypt));
    // No Egypt image has a machine: there is no machine to list.
    await expect(byMachine).toHaveCount(0);
    await facetCheckbox(page, 'country', 'Egypt').uncheck();

    const aloka: Filter = { facets: { machine: ['Aloka'] } };
    await facetCheckbox(page, 'machine', 'Aloka').check();
    await expect(statusLine(page)).toHaveText(statusText(countMatching(rows, aloka), total));
    await expectSizeTable(byCountry, 'Country', sizeTableRows(rows, sizes, 'country', aloka));
    await expectSizeTable(byMachine, 'Machine', sizeTableRows(rows, sizes, 'machine', aloka));
  });

  watch.expectClean();
});

/** The table's headers, and one row per expected group with exactly the expected cells. */
async function expectSizeTable(table: Locator, group: string, expected: Map<string, string[]>) {
  expect(await tableHeaders(table)).toEqual([
    group,
    'Images',
    'Most common size',
    'Share',
    'Distinct sizes',
    'Width',
    'Height',
  ]);
  await expect(table.locator('tbody tr')).toHaveCount(expected.size);
  const shown = await tableRows(table);
  const byGroup = new Map(shown.map((cells) => [cells[0] ?? '', cells]));
  expect([...byGroup.keys()].sort()).toEqual([...expected.keys()].sort());
  for (const [value, cells] of expected) expect(byGroup.get(value), value).toEqual(cells);
  // Each group's name heads its row.
  for (const value of expected.keys()) {
    await expect(table.getByRole('rowheader', { name: value, exact: true })).toHaveCount(1);
  }
}

test('the table sorts, hides a column and opens the viewer from a row', async ({ page }) => {
  const watch = watchPage(page);
  await openViews(page);
  await waitForScan(page);
  await page.getByRole('tab', { name: 'Table' }).click();
  const table = page.getByRole('table', { name: 'Images' });
  await expect(table).toHaveAttribute('aria-rowcount', String(total + 1));
  const bodyRows = table.locator('tbody tr[data-position]');
  await expect(bodyRows.first()).toBeVisible();
  // Virtualized: a screenful of rows, not 1,690.
  expect(await bodyRows.count()).toBeLessThan(100);

  await page.screenshot({ path: shot('table.png') });
  const headers = await tableHeaders(table);
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
  /** The first `n` rows shown, as [file name, value of `column`]. */
  const firstRows = async (column: string, n = 8) => {
    const at = (await tableHeaders(table)).indexOf(column);
    const file = (await tableHeaders(table)).indexOf('File name');
    const shown = await tableRows(table);
    return shown.slice(0, n).map((cells) => [cells[file] ?? '', cells[at] ?? '']);
  };
  const header = (name: string) => table.getByRole('columnheader', { name, exact: true });
  const byName = (a: Row, b: Row) => naturalCompare(fileOf(a), fileOf(b));
  const width = (row: Row) => sizes.get(row.name)?.width ?? 0;
  const expectFirst = (ordered: readonly Row[], value: (row: Row) => string, n = 8) =>
    ordered.slice(0, n).map((row) => [fileOf(row), value(row)]);

  await test.step('Width ascending, then descending (ties by file name)', async () => {
    await header('Width').getByRole('button').click();
    await expect(header('Width')).toHaveAttribute('aria-sort', 'ascending');
    const ascending = [...rows].sort((a, b) => width(a) - width(b) || byName(a, b));
    await expect
      .poll(() => firstRows('Width'))
      .toEqual(expectFirst(ascending, (row) => String(width(row))));

    await header('Width').getByRole('button').click();
    await expect(header('Width')).toHaveAttribute('aria-sort', 'descending');
    const descending = [...rows].sort((a, b) => width(b) - width(a) || byName(a, b));
    await expect
      .poll(() => firstRows('Width'))
      .toEqual(expectFirst(descending, (row) => String(width(row))));
  });

  await test.step('Patient ascending, in natural order', async () => {
    await header('Patient').getByRole('button').click();
    await expect(header('Patient')).toHaveAttribute('aria-sort', 'ascending');
    await expect(header('Width')).toHaveAttribute('aria-sort', 'none');
    const ascending = [...rows].sort(
      (a, b) => naturalCompare(patientOf(a), patientOf(b)) || byName(a, b),
    );
    await expect
      .poll(() => firstRows('Patient', 12))
      .toEqual(expectFirst(ascending, patientOf, 12));
  });

  await test.step('"Columns" hides Bytes', async () => {
    const columns = page.getByRole('button', { name: 'Columns', exact: true });
    await columns.click();
    await expect(columns).toHaveAttribute('aria-expanded', 'true');
    await expect(page.getByRole('checkbox', { name: 'File name', exact: true })).toBeDisabled();
    await page.getByRole('checkbox', { name: 'Bytes', exact: true }).uncheck();
    await expect(header('Bytes')).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Columns (1 hidden)' })).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(page.getByRole('checkbox', { name: 'Bytes', exact: true })).toBeHidden();
    expect(await tableHeaders(table)).toEqual(headers.filter((name) => name !== 'Bytes'));
    expect((await tableRows(table))[0]).toHaveLength(headers.length - 1);
    await page.screenshot({ path: shot('table-sorted-bytes-hidden.png') });
  });

  await test.step('a click on a row opens its image; Escape gives the row the focus back', async () => {
    const file = (await firstRows('File name', 3))[2]?.[0] ?? '';
    const row = table.locator('tbody tr[data-position="2"]');
    await expect(row.getByRole('cell').first()).toHaveText(file);
    await row.click();
    const dialog = page.getByRole('dialog', { name: file, exact: true });
    await expect(dialog).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(page.getByRole('dialog')).toHaveCount(0);
    await expect(row).toBeFocused();

    // Enter on the focused row opens the viewer too.
    await page.keyboard.press('ArrowDown');
    const next = table.locator('tbody tr[data-position="3"]');
    await expect(next).toBeFocused();
    const nextFile = (await next.getByRole('cell').first().textContent()) ?? '';
    await page.keyboard.press('Enter');
    await expect(page.getByRole('dialog', { name: nextFile, exact: true })).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(next).toBeFocused();
  });

  watch.expectClean();
});

/**
 * A FETAL_PLANES_DB patient and plane with the most frames kept, from a single series (one
 * `PlaneN` and one `of_N`): its rows by frame number.
 */
function multiFrameSeries(): Row[] {
  const groups = new Map<string, Row[]>();
  for (const row of rows) {
    if (row.dataset !== 'FETAL_PLANES_DB' || frameOf(row) === null) continue;
    const key = `${patientOf(row)}/${row.plane ?? ''}`;
    groups.set(key, [...(groups.get(key) ?? []), row]);
  }
  const single = [...groups.values()].filter(
    (group) => new Set(group.map((row) => row.name.replace(/_\d+_of_\d+$/, ''))).size === 1,
  );
  single.sort((a, b) => b.length - a.length);
  const series = single[0] ?? [];
  return [...series].sort((a, b) => (frameOf(a)?.k ?? 0) - (frameOf(b)?.k ?? 0));
}

test('the viewer opens from the grid, steps with the arrows, lists the frames and closes', async ({
  page,
}) => {
  const watch = watchPage(page);
  const series = multiFrameSeries();
  expect(series.length, 'a series with several frames kept').toBeGreaterThan(2);
  const first = series[0] as Row;
  const frameCount = frameOf(first)?.n ?? 0;
  const prefix = /^Patient\d+/.exec(first.name)?.[0] ?? '';
  const search: Filter = { q: prefix };
  // The grid's order: file names in natural order.
  const gridOrder = rows
    .filter((row) => passes(row, search))
    .map(fileOf)
    .sort(naturalCompare);
  const opened = fileOf(first);
  const nextFile = gridOrder[gridOrder.indexOf(opened) + 1] ?? '';
  expect(nextFile, 'an image after the opened one').not.toBe('');
  note('series', `${opened}: ${series.length} of ${frameCount} frames kept`);

  await openViews(page);
  await page.getByLabel('Search file name or patient').fill(prefix);
  await expect(statusLine(page)).toHaveText(statusText(gridOrder.length, total));
  const grid = page.getByRole('grid', { name: 'Images' });
  await expect(grid.getByRole('gridcell')).toHaveCount(gridOrder.length);
  expect(
    await grid
      .getByRole('gridcell')
      .evaluateAll((cells) => cells.map((cell) => cell.getAttribute('aria-label'))),
  ).toEqual(gridOrder);
  await waitForFirstScreen(page, 60_000);

  const cell = grid.getByRole('gridcell', { name: opened, exact: true });
  await cell.focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: opened, exact: true });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('img', { name: opened })).toBeVisible();
  const at = gridOrder.indexOf(opened);
  await expect(dialog.getByText(`${at + 1} of ${gridOrder.length}`, { exact: true })).toBeVisible();

  const expectStrip = async (current: Row) => {
    const frame = frameOf(current);
    const listed =
      series.length === frameCount ? '' : ` (${series.length} of ${frameCount} listed in the CSV)`;
    await expect(
      page.getByRole('heading', {
        name: `Frame ${frame?.k} of ${frameCount}${listed}`,
        exact: true,
      }),
    ).toBeVisible();
    const buttons = page.getByRole('list', { name: 'Frames' }).getByRole('button');
    await expect(buttons).toHaveCount(series.length);
    expect(
      await buttons.evaluateAll((list) => list.map((button) => button.getAttribute('aria-label'))),
    ).toEqual(series.map((row) => `Frame ${frameOf(row)?.k} of ${frameCount}`));
    const currentButton = page
      .getByRole('list', { name: 'Frames' })
      .locator('[aria-current="true"]');
    await expect(currentButton).toHaveCount(1);
    await expect(currentButton).toHaveAccessibleName(`Frame ${frame?.k} of ${frameCount}`);
  };

  await test.step('the frame strip lists the frames of the patient and plane', async () => {
    await expectStrip(first);
  });

  await test.step('ArrowRight and ArrowLeft step through the grid order', async () => {
    await page.keyboard.press('ArrowRight');
    const stepped = page.getByRole('dialog', { name: nextFile, exact: true });
    await expect(stepped).toBeVisible();
    await expect(
      stepped.getByText(`${at + 2} of ${gridOrder.length}`, { exact: true }),
    ).toBeVisible();
    const nextRow = series.find((row) => fileOf(row) === nextFile);
    if (nextRow !== undefined) await expectStrip(nextRow);
    await page.keyboard.press('ArrowLeft');
    await expect(dialog).toBeVisible();
    await expectStrip(first);
  });

  await test.step('the wheel zooms in', async () => {
    const fit = dialog.getByRole('button', { name: 'Fit', exact: true });
    await expect(fit).toHaveAttribute('aria-pressed', 'true');
    const zoom = dialog.getByRole('group', { name: 'Zoom' });
    const before = await zoom.textContent();
    const stage = dialog.getByRole('region', { name: 'Image' });
    const box = await stage.boundingBox();
    if (box === null) throw new Error('The image stage is not drawn');
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.wheel(0, -300);
    await expect(fit).toHaveAttribute('aria-pressed', 'false');
    await expect(zoom).not.toHaveText(before ?? '');
    note('zoom', `${before} -> ${await zoom.textContent()}`);
    await page.screenshot({ path: shot('viewer-zoomed.png') });
  });

  await test.step('Escape closes it and the grid cell has the focus again', async () => {
    await page.keyboard.press('Escape');
    await expect(page.getByRole('dialog')).toHaveCount(0);
    await expect(cell).toBeFocused();
  });

  await test.step('a double click on a cell opens its image too', async () => {
    const other = gridOrder.at(-1) ?? '';
    await grid.getByRole('gridcell', { name: other, exact: true }).dblclick();
    await expect(page.getByRole('dialog', { name: other, exact: true })).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(page.getByRole('dialog')).toHaveCount(0);
  });

  await test.step('the light theme', async () => {
    await page.getByLabel('Search file name or patient').fill('');
    await expect(statusLine(page)).toHaveText(statusText(total, total));
    const light = page.getByRole('button', { name: 'Light theme' });
    await expect(light).toHaveAttribute('aria-pressed', 'false');
    await light.click();
    await expect(light).toHaveAttribute('aria-pressed', 'true');
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
    await waitForFirstScreen(page, 60_000);
    await page.screenshot({ path: shot('light-grid.png') });
    await waitForScan(page);
    await page.getByRole('tab', { name: 'Charts' }).click();
    await expect(chartCard(page, 'Images by plane and split').getByRole('img')).toBeVisible();
    await waitForChartsDrawn(page);
    await page.screenshot({ path: shot('light-charts.png') });
    await page.getByRole('region', { name: 'Image sizes' }).screenshot({
      path: shot('light-size-tables.png'),
    });
  });

  watch.expectClean();
});
