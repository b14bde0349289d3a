import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { datasetOfCsv, readRows, statusText, type CsvFile } from './expected.ts';
import { expectFacetCounts, statusLine, waitForFirstScreen } from './explorer-page.ts';
import { watchPage } from './watch.ts';

/** The built-in demo as the build serves it, read here from its sources in public/. */
const DEMO_DIR = new URL('../../public/demo/', import.meta.url).pathname;
const files = JSON.parse(readFileSync(`${DEMO_DIR}files.json`, 'utf8')) as { path: string }[];
const csvs: CsvFile[] = files.flatMap(({ path }) => {
  if (!path.endsWith('.csv')) return [];
  const dataset = datasetOfCsv(readFileSync(DEMO_DIR + path, 'utf8'));
  return dataset === null ? [] : [{ path, dataset }];
});
const rows = readRows(DEMO_DIR, csvs);

async function expectDemo(page: Page) {
  await expect(
    page.getByRole('heading', { level: 1, name: 'Demo (synthetic images)' }),
  ).toBeVisible();
  await expect(statusLine(page)).toHaveText(statusText(rows.length, rows.length));
  await waitForFirstScreen(page, 30_000);
  await expectFacetCounts(page, rows, 'dataset', {});
  await expectFacetCounts(page, rows, 'plane', {});
}

test('the demo holds both datasets, with a row per image', () => {
  expect(csvs.map((csv) => csv.dataset).sort()).toEqual(['african', 'fetal']);
  const images = files.filter(({ path }) => path.endsWith('.png'));
  expect(images.length).toBe(rows.length);
});

test('/?demo opens the demo with its thumbnails', async ({ page }) => {
  const watch = watchPage(page);
  await page.goto('/?demo');
  await expectDemo(page);
  await page.screenshot({ path: test.info().outputPath('demo.png') });
  watch.expectClean();
});

test('"Try the demo" on the start screen opens the same demo', async ({ page }) => {
  const watch = watchPage(page);
  await page.goto('/');
  await page.getByRole('button', { name: 'Try the demo' }).click();
  await expectDemo(page);
  // Every demo image is a readable PNG its CSV names: once all are read, no problem is listed.
  await expect(page.getByRole('progressbar', { name: 'Thumbnails made' })).toHaveCount(0);
  await expect(page.getByRole('region', { name: 'Problems' })).not.toContainText(
    /CSV files|Bad CSV rows|Missing images|Files no row names|Unreadable images/,
  );
  watch.expectClean();
});
