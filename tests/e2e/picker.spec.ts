import { readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
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
import { watchPage } from './watch.ts';

// Under Playwright the real showDirectoryPicker always rejects: these specs replace it with one
// that hands back a real OPFS folder the test filled, or with one that is cancelled.

/** Files sent to the page per evaluate: a few hundred KB of base64 at most. */
const BATCH = 40;

let manifest: Manifest;
let rows: Row[];
let folderName: string;

test.beforeAll(async () => {
  manifest = await fixtureFolder('african-small');
  rows = readRows(manifest.out, manifest.csvs);
  folderName = basename(manifest.out);
});

/** Copies every file of the fixture folder into OPFS, under a folder of the same name. */
async function fillOpfs(page: Page): Promise<void> {
  for (let at = 0; at < manifest.files.length; at += BATCH) {
    const batch = await Promise.all(
      manifest.files.slice(at, at + BATCH).map(async ({ path }) => ({
        path,
        base64: (await readFile(join(manifest.out, path))).toString('base64'),
      })),
    );
    await page.evaluate(
      async ({ folder, files }) => {
        const root = await navigator.storage.getDirectory();
        const top = await root.getDirectoryHandle(folder, { create: true });
        for (const { path, base64 } of files) {
          const parts = path.split('/');
          const name = parts.pop() ?? '';
          let dir = top;
          for (const part of parts) dir = await dir.getDirectoryHandle(part, { create: true });
          const writable = await (await dir.getFileHandle(name, { create: true })).createWritable();
          await writable.write(Uint8Array.from(atob(base64), (char) => char.charCodeAt(0)));
          await writable.close();
        }
      },
      { folder: folderName, files: batch },
    );
  }
}

test('the picker opens a real folder handle, and "Reopen" opens it again after a reload', async ({
  page,
}) => {
  const watch = watchPage(page);
  await page.addInitScript((folder) => {
    const pick = async () => (await navigator.storage.getDirectory()).getDirectoryHandle(folder);
    Object.defineProperty(window, 'showDirectoryPicker', { value: pick, configurable: true });
  }, folderName);
  await page.goto('/');

  const filled = await timed(fillOpfs(page));
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
