import { expect, test, type Locator, type Page } from '@playwright/test';
import type { Manifest } from '../fixtures/spec.ts';
import {
  countMatching,
  readRows,
  statusText,
  type Facet,
  type Filter,
  type Row,
} from './expected.ts';
import {
  expectFacetCounts,
  facetCheckbox,
  note,
  openProblems,
  problemGroup,
  statusLine,
  timed,
  waitForFirstScreen,
} from './explorer-page.ts';
import { fixtureFolder, folderWithoutDataset } from './folders.ts';
import { watchPage } from './watch.ts';

/** Loading 12,850 files and reading every one of them takes a minute or two on this machine. */
const LOAD_TIMEOUT = 120_000;

let manifest: Manifest;
let rows: Row[];
let total: number;

test.beforeAll(async () => {
  manifest = await fixtureFolder('both');
  rows = readRows(manifest.out, manifest.csvs);
  total = rows.length;
});

/** Opens the fixture folder through the "Choose folder" input; resolves once the status shows. */
async function openBoth(page: Page, expectedStatus: string) {
  const started = performance.now();
  await page.getByLabel('Choose folder').setInputFiles(manifest.out);
  const inputMs = Math.round(performance.now() - started);
  const statusMs = await timed(
    page.waitForFunction(
      (text) => document.querySelector('[role="status"]')?.textContent === text,
      expectedStatus,
      { timeout: LOAD_TIMEOUT },
    ),
    started,
  );
  return { started, inputMs, statusMs };
}

/** Clears the filters, then checks the filter's values and types its search. */
async function applyFilter(page: Page, filter: Filter) {
  const clear = page.getByRole('button', { name: 'Clear filters' });
  if ((await clear.count()) > 0) await clear.click();
  await expect(statusLine(page)).toHaveText(statusText(total, total));
  for (const [facet, values] of Object.entries(filter.facets ?? {})) {
    for (const value of values) await facetCheckbox(page, facet as Facet, value).check();
  }
  if (filter.q !== undefined) {
    await page.getByLabel('Search file name or patient').fill(filter.q);
  }
}

async function expectFiltered(page: Page, filter: Filter, facets: readonly Facet[]) {
  const shown = countMatching(rows, filter);
  await expect(statusLine(page)).toHaveText(statusText(shown, total));
  for (const facet of facets) await expectFacetCounts(page, rows, facet, filter);
  return shown;
}

test('the 12,850-image folder opens through the folder input, filters, and lists its problems', async ({
  page,
}) => {
  test.setTimeout(6 * 60_000);
  const watch = watchPage(page);

  const leftOut = manifest.flaws.filter((f) => f.kind === 'bad-row' && f.reason === 'fields');
  const dataLines = manifest.csvs.reduce((sum, csv) => sum + csv.rows, 0);
  expect(total, 'CSV rows minus the unreadable bad rows').toBe(dataLines - leftOut.length);

  await page.goto('/');
  await expect(page.getByRole('button', { name: 'Try the demo' })).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('start-screen.png') });

  const { started, inputMs, statusMs } = await openBoth(page, statusText(total, total));
  const drawnMs = await timed(waitForFirstScreen(page, LOAD_TIMEOUT), started);
  note('setInputFiles (ms)', String(inputMs));
  note('choose folder -> status shows the total (ms)', String(statusMs));
  note('choose folder -> first screen of thumbnails drawn (ms)', String(drawnMs));
  await expect(statusLine(page)).toHaveCount(1);
  await expect(page.getByRole('tab', { name: 'Grid' })).toBeVisible();
  // The images are still being read: the scan shows its progress and can be cancelled.
  for (const name of ['Files listed', 'Rows read', 'Headers read', 'Thumbnails made']) {
    const bar = page.getByRole('progressbar', { name });
    await expect(bar).toHaveCount(1);
    await expect.soft(bar, `the ${name} bar is drawn`).toBeVisible({ timeout: 1_000 });
  }
  await expect(page.getByRole('button', { name: 'Cancel' })).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('explorer-unfiltered.png') });

  await test.step('facet counts with no filter', async () => {
    for (const facet of ['dataset', 'plane', 'country', 'split', 'operator'] as const) {
      await expectFacetCounts(page, rows, facet, {});
    }
  });

  await test.step('filter combinations against counts from the CSVs', async () => {
    const brain: Filter = { facets: { plane: ['Fetal brain'] } };
    await applyFilter(page, brain);
    await expectFiltered(page, brain, ['plane', 'split', 'brain']);

    const brainTest: Filter = { facets: { plane: ['Fetal brain'], split: ['Test'] } };
    await facetCheckbox(page, 'split', 'Test').check();
    await expectFiltered(page, brainTest, ['plane', 'split', 'dataset', 'operator']);
    await page.screenshot({ path: test.info().outputPath('explorer-filtered.png') });

    const egypt: Filter = { facets: { dataset: ['African planes'], country: ['Egypt'] } };
    await applyFilter(page, egypt);
    await expectFiltered(page, egypt, ['country', 'plane', 'dataset']);
    const cells = page.getByRole('grid', { name: 'Images' }).getByRole('gridcell');
    await expect(cells.first()).toHaveAccessibleName(/^patient\d{3}_EGY_plane\d\.png$/);

    const op1: Filter = { facets: { operator: ['Op. 1'] } };
    await applyFilter(page, op1);
    const op1Shown = await expectFiltered(page, op1, ['dataset', 'operator', 'country']);
    const fetalOp1 = rows.filter((r) => r.dataset === 'FETAL_PLANES_DB' && r.operator === 'Op. 1');
    expect(op1Shown, 'Op. 1 keeps FETAL_PLANES_DB images only').toBe(fetalOp1.length);
    await expect(facetCheckbox(page, 'dataset', 'African planes')).toHaveAccessibleName(
      'African planes (0)',
    );

    const brainOrFemur: Filter = { facets: { plane: ['Fetal brain', 'Fetal femur'] } };
    await applyFilter(page, brainOrFemur);
    await expectFiltered(page, brainOrFemur, ['plane', 'machine']);

    const patient: Filter = { q: 'Patient00012' };
    await applyFilter(page, patient);
    const patientShown = await expectFiltered(page, patient, ['plane', 'dataset']);
    expect(patientShown).toBeGreaterThan(0);
    await applyFilter(page, {});
  });

  await test.step('the grid keeps a bounded DOM and moves focus with the arrow keys', async () => {
    const grid = page.getByRole('grid', { name: 'Images' });
    const cells = grid.getByRole('gridcell');
    const columns = Number(await grid.getAttribute('aria-colcount'));
    const rowCount = await grid.getAttribute('aria-rowcount');
    expect(columns).toBeGreaterThan(1);
    expect(Number(rowCount)).toBe(Math.ceil(total / columns));

    await grid.evaluate((el) => el.scrollTo({ top: el.scrollHeight }));
    await expect(grid.getByRole('row').last()).toHaveAttribute('aria-rowindex', rowCount ?? '');
    const inDom = await cells.count();
    note('grid cells in the DOM, scrolled to the bottom', String(inDom));
    expect(inDom).toBeLessThan(300);
    await grid.evaluate((el) => el.scrollTo({ top: 0 }));
    await expect(grid.getByRole('row').first()).toHaveAttribute('aria-rowindex', '1');

    const first = cells.first();
    await first.focus();
    await expect(first).toBeFocused();
    const firstRow = grid.getByRole('row').first().getByRole('gridcell');
    const secondName = (await firstRow.nth(1).getAttribute('aria-label')) ?? '';
    await page.keyboard.press('ArrowRight');
    await expect(page.locator(':focus')).toHaveAccessibleName(secondName);
    await page.keyboard.press('ArrowDown');
    const focused = page.locator(':focus');
    await expect(focused).toHaveRole('gridcell');
    // The focus moves as React commits the key press: poll rather than read it once.
    await expect
      .poll(() =>
        focused.evaluate((cell) => ({
          row: cell.closest('[role="row"]')?.getAttribute('aria-rowindex'),
          column: [...(cell.parentElement?.children ?? [])].indexOf(cell),
        })),
      )
      .toEqual({ row: '2', column: 1 });
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowUp');
    await expect(first).toBeFocused();

    // A jump far beyond the rendered rows must still land the focus on a cell.
    await page.keyboard.press('Control+End');
    const lastCell = grid.locator(`[role="row"][aria-rowindex="${rowCount}"] [role="gridcell"]`);
    await expect
      .soft(lastCell.last(), 'Control+End focuses the last cell of the grid')
      .toBeFocused({ timeout: 5_000 });
    // Whatever became of the focus, start the way back from the last cell.
    await grid.evaluate((el) => el.scrollTo({ top: el.scrollHeight }));
    await lastCell.last().focus();
    await page.keyboard.press('Control+Home');
    await expect.soft(first, 'Control+Home focuses the first cell again').toBeFocused({
      timeout: 5_000,
    });
    await grid.evaluate((el) => el.scrollTo({ top: 0 }));
  });

  await test.step('filters round-trip through the URL, back and forward', async () => {
    const brain = facetCheckbox(page, 'plane', 'Fetal brain');
    await brain.check();
    const params = new URL(page.url()).searchParams;
    expect(params.getAll('plane')).toEqual(['Fetal brain']);
    const shown = countMatching(rows, { facets: { plane: ['Fetal brain'] } });
    await expect(statusLine(page)).toHaveText(statusText(shown, total));

    await page.goBack();
    await expect(brain).not.toBeChecked();
    await expect(statusLine(page)).toHaveText(statusText(total, total));
    expect(new URL(page.url()).searchParams.has('plane')).toBe(false);

    await page.goForward();
    await expect(brain).toBeChecked();
    await expect(statusLine(page)).toHaveText(statusText(shown, total));
    await applyFilter(page, {});
  });

  await test.step('every planted flaw is listed under its heading once the images are read', async () => {
    const scanStarted = performance.now();
    await expect(page.getByRole('progressbar', { name: 'Thumbnails made' })).toHaveCount(0, {
      timeout: 4 * 60_000,
    });
    note(
      'first screen -> every image read (ms)',
      String(Math.round(performance.now() - scanStarted)),
    );
    const region = await openProblems(page);
    await checkProblems(region);
    await region.scrollIntoViewIfNeeded();
    await region.screenshot({ path: test.info().outputPath('problems.png') });
    await problemGroup(region, 'Unreadable images').scrollIntoViewIfNeeded();
    await region.screenshot({ path: test.info().outputPath('problems-end.png') });
    await page.screenshot({
      path: test.info().outputPath('explorer-problems.png'),
      fullPage: true,
    });
  });

  watch.expectClean();
});

/** Each planted flaw by path under the heading it belongs to; no litter anywhere. */
async function checkProblems(region: Locator) {
  const byKind = (kinds: readonly string[]) => manifest.flaws.filter((f) => kinds.includes(f.kind));
  const expectItem = async (heading: string, ...parts: string[]) => {
    let items = problemGroup(region, heading).getByRole('listitem');
    for (const part of parts) items = items.filter({ hasText: part });
    await expect.soft(items, `${heading}: ${parts.join(' … ')}`).toHaveCount(1);
  };
  const expectHeading = async (heading: string, count: number) => {
    const summary = region.locator('summary').filter({ hasText: new RegExp(`^${heading} \\(`) });
    if (count === 0) await expect.soft(summary, heading).toHaveCount(0);
    else await expect.soft(summary, heading).toHaveText(`${heading} (${count})`);
  };

  const missing = byKind(['missing']);
  const unreadable = byKind(['zero-byte', 'truncated', 'jpeg-as-png']);
  const extra = byKind(['extra', 'duplicated']);
  const badRows = byKind(['bad-row']);
  await expectHeading('CSV files', 0);
  await expectHeading('Missing images', missing.length);
  await expectHeading('Unreadable images', unreadable.length);
  await expectHeading('Files no row names', extra.length);
  await expectHeading('Bad CSV rows', badRows.length);

  for (const flaw of manifest.flaws) {
    switch (flaw.kind) {
      case 'missing':
        await expectItem('Missing images', flaw.path, `row ${flaw.line} `, flaw.csv);
        break;
      case 'zero-byte':
      case 'truncated':
        await expectItem('Unreadable images', flaw.path);
        break;
      case 'jpeg-as-png':
        await expectItem('Unreadable images', flaw.path, 'JPEG');
        break;
      case 'duplicated':
        await expectItem('Files no row names', flaw.copy);
        break;
      case 'extra':
        await expectItem('Files no row names', flaw.path);
        break;
      case 'bad-row':
        await expectItem('Bad CSV rows', flaw.csv, `${flaw.line}`);
        break;
      case 'litter':
        await expect.soft(region, `litter ${flaw.path}`).not.toContainText(flaw.path);
        break;
      default:
        break;
    }
  }
  for (const word of ['Thumbs.db', 'desktop.ini', '.DS_Store', '__MACOSX', '.hidden']) {
    await expect.soft(region, `litter ${word}`).not.toContainText(word);
  }
}

test('a link with filters applies them once the same folder is opened', async ({ page }) => {
  test.setTimeout(4 * 60_000);
  const watch = watchPage(page);
  const filter: Filter = { facets: { plane: ['Fetal brain'], split: ['Test'] }, q: 'Patient0' };
  await page.goto('/?plane=Fetal+brain&split=Test&q=Patient0');

  const shown = countMatching(rows, filter);
  await openBoth(page, statusText(shown, total));
  await expect(statusLine(page)).toHaveText(statusText(shown, total));
  await expect(facetCheckbox(page, 'plane', 'Fetal brain')).toBeChecked();
  await expect(facetCheckbox(page, 'split', 'Test')).toBeChecked();
  await expect(page.getByLabel('Search file name or patient')).toHaveValue('Patient0');
  await expectFacetCounts(page, rows, 'split', filter);
  const params = new URL(page.url()).searchParams;
  expect(params.getAll('plane')).toEqual(['Fetal brain']);
  expect(params.getAll('split')).toEqual(['Test']);
  watch.expectClean();
});

test('a folder with no dataset CSV gives a plain notice and the start screen stays usable', async ({
  page,
}) => {
  const watch = watchPage(page);
  const folder = await folderWithoutDataset();
  await page.goto('/');
  await page.getByLabel('Choose folder').setInputFiles(folder);
  await expect(page.getByRole('alert')).toContainText('No dataset found in “no-dataset”');
  await expect(page.getByLabel('Choose folder')).toBeAttached();
  await page.getByRole('button', { name: 'Try the demo' }).click();
  await expect(statusLine(page)).toHaveText(/^Showing [\d,]+ of [\d,]+ images$/);
  watch.expectClean();
});
