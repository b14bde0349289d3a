import { basename } from 'node:path';
import { expect, test } from '@playwright/test';
import type { Manifest } from '../fixtures/spec.ts';
import { countMatching, readRows, statusText, type Filter, type Row } from './expected.ts';
import {
  expectFacetCounts,
  facetCheckbox,
  facetGroup,
  note,
  openProblems,
  problemGroup,
  statusLine,
  timed,
  waitForFirstScreen,
} from './explorer-page.ts';
import { fixtureFolder } from './folders.ts';
import { fillOpfs, stubPickerWithOpfs } from './opfs.ts';
import { watchPage } from './watch.ts';

// The picker specs: showDirectoryPicker replaced by one that hands back a real OPFS folder the test
// filled, or by one that is cancelled.

let manifest: Manifest;
let rows: Row[];
let folderName: string;

test.beforeAll(async () => {
  manifest = await fixtureFolder('african-small');
  rows = readRows(manifest.out, manifest.csvs);
  folderName = basename(manifest.out);
});

test('the picker opens a real folder handle, and "Reopen" opens it again after a reload', async ({
  page,
}) => {
  const watch = watchPage(page);
  await stubPickerWithOpfs(page, folderName);
  await page.goto('/');

  const filled = await timed(fillOpfs(page, manifest));
  note(`OPFS filled with ${manifest.files.length} files (ms)`, String(filled));

  const total = rows.length;
  await page.getByRole('button', { name: 'Open folder' }).click();
  await expect(statusLine(page)).toHaveText(statusText(total, total));
  await expect(page.getByRole('heading', { level: 1, name: folderName })).toBeVisible();
  await waitForFirstScreen(page, 60_000);
  await page.screenshot({ path: test.info().outputPath('picker-explorer.png') });

  // An African-only folder has no brain plane, operator or machine: those facets are hidden.
  for (const facet of ['brain', 'operator', 'machine'] as const) {
    await expect(facetGroup(page, facet)).toHaveCount(0);
  }
  await expectFacetCounts(page, rows, 'country', {});
  const egypt: Filter = { facets: { country: ['Egypt'] } };
  await facetCheckbox(page, 'country', 'Egypt').check();
  await expect(statusLine(page)).toHaveText(statusText(countMatching(rows, egypt), total));
  await expectFacetCounts(page, rows, 'plane', egypt);
  await expectFacetCounts(page, rows, 'split', egypt);

  const missing = manifest.flaws.flatMap((flaw) => (flaw.kind === 'missing' ? [flaw.path] : []));
  expect(missing.length).toBeGreaterThan(0);
  const region = await openProblems(page);
  for (const path of missing) {
    await expect(problemGroup(region, 'Missing images')).toContainText(path);
  }

  // The reload keeps the filter in the URL; reopening the folder applies it again.
  await page.reload();
  const reopen = page.getByRole('button', { name: `Reopen ${folderName}` });
  await expect(reopen).toBeVisible();
  await reopen.click();
  await expect(statusLine(page)).toHaveText(statusText(countMatching(rows, egypt), total));
  await expect(facetCheckbox(page, 'country', 'Egypt')).toBeChecked();
  await waitForFirstScreen(page, 60_000);
  watch.expectClean();
});

test('a cancelled picker leaves a plain notice and the page usable', async ({ page }) => {
  const watch = watchPage(page);
  await page.addInitScript(() => {
    const cancel = () =>
      Promise.reject(new DOMException('The user aborted a request.', 'AbortError'));
    Object.defineProperty(window, 'showDirectoryPicker', { value: cancel, configurable: true });
  });
  await page.goto('/');
  await page.getByRole('button', { name: 'Open folder' }).click();

  const notice = page.getByRole('alert');
  await expect(notice).toBeVisible();
  await expect(notice).not.toContainText(/AbortError|DOMException|undefined|\[object/);
  await expect(page.getByRole('button', { name: 'Open folder' })).toBeEnabled();
  await expect(page.getByLabel('Choose folder')).toBeAttached();
  await page.screenshot({ path: test.info().outputPath('picker-cancelled.png') });

  // Still usable: the folder input opens a folder right after.
  await page.getByLabel('Choose folder').setInputFiles(manifest.out);
  await expect(statusLine(page)).toHaveText(statusText(rows.length, rows.length));
  watch.expectClean();
});
