// Tags and exports over a generated folder of both datasets: tag images, filter by tag, save a
// dataset's CSV in its own format and the combined CSV, copy a subset into a folder, all through
// stubbed save and folder pickers that hand back real OPFS handles; every expected byte is read
// from the fixture's files on disk.

import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import type { Manifest } from '../fixtures/spec.ts';
import { formatCount, readRows, statusText, type Row } from './expected.ts';
import { facetCheckbox, statusLine } from './explorer-page.ts';
import { auditFolder, type AuditPlan } from './folders.ts';
import { fillOpfs, savedBytes, stubPickerWithOpfs, stubSaveDialog } from './opfs.ts';
import { watchPage } from './watch.ts';

let manifest: Manifest;
let expected: AuditPlan;
let rows: Row[];

test.beforeAll(async () => {
  const folder = await auditFolder();
  manifest = folder.manifest;
  expected = folder.expected;
  rows = readRows(manifest.out, manifest.csvs);
});

/** The fixture's CSV of `dataset` as bytes, and its lines with their line endings. */
function csvOf(dataset: 'fetal' | 'african') {
  const csv = manifest.csvs.find((file) => file.dataset === dataset);
  if (csv === undefined) throw new Error(`the fixture has no ${dataset} CSV`);
  const bytes = readFileSync(join(manifest.out, csv.path));
  const lines = bytes.toString('utf8').split(/(?<=\n)/);
  return { path: csv.path, bytes, lines };
}

/**
 * Replaces the save dialog with one that writes into OPFS folder `saved`, and the folder picker
 * (used by the copy) with one that hands back OPFS folder `copy`.
 */
async function stubSaving(page: Page): Promise<void> {
  await stubSaveDialog(page);
  await page.addInitScript(() => {
    const pick = async () =>
      (await navigator.storage.getDirectory()).getDirectoryHandle('copy', { create: true });
    Object.defineProperty(window, 'showDirectoryPicker', { value: pick, configurable: true });
  });
}

/** Opens the fixture folder through the folder input, saves stubbed; returns the page's watch. */
async function openWithSaving(page: Page) {
  const watch = watchPage(page);
  await stubSaving(page);
  await page.goto('/');
  await page.getByLabel('Choose folder').setInputFiles(manifest.out);
  await expect(statusLine(page)).toHaveText(statusText(rows.length, rows.length));
  return watch;
}

/** Every file under OPFS folder `folder`, by relative path. */
async function savedPaths(page: Page, folder: string): Promise<string[]> {
  return page.evaluate(async (folder) => {
    const found: string[] = [];
    const pending: [FileSystemDirectoryHandle, string][] = [
      [await (await navigator.storage.getDirectory()).getDirectoryHandle(folder), ''],
    ];
    for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
      const [dir, prefix] = next;
      for await (const handle of dir.values()) {
        if (handle.kind === 'directory') pending.push([handle, `${prefix}${handle.name}/`]);
        else found.push(`${prefix}${handle.name}`);
      }
    }
    return found.sort();
  }, folder);
}

/** Opens the viewer on the image named `name` (found through the search) and tags it. */
async function tagInViewer(page: Page, name: string, tag: string): Promise<void> {
  const search = page.getByLabel('Search file name or patient');
  await search.fill(name);
  const cell = page.getByRole('gridcell', { name: `${name}.png`, exact: true });
  await cell.dblclick();
  const dialog = page.getByRole('dialog', { name: `${name}.png` });
  await dialog.getByLabel('New tag').fill(tag);
  await dialog.getByLabel('New tag').press('Enter');
  await expect(dialog.getByRole('region', { name: 'Tags' }).getByRole('listitem')).toHaveText([
    `${tag}×`,
  ]);
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await search.fill('');
}

function tagBox(page: Page, tag: string, count: number) {
  return page
    .getByRole('group', { name: 'Tag', exact: true })
    .getByRole('checkbox', { name: `${tag} (${count})`, exact: true });
}

test('tags filter the grid and travel with the exports; CSVs come back in their own format', async ({
  page,
}) => {
  const watch = await openWithSaving(page);
  const total = rows.length;

  // A FETAL_PLANES_DB Test image whose file is there, tagged exclude in the viewer.
  const fetal = csvOf('fetal');
  const testLines = fetal.lines.slice(1).filter((line) => line.split(';')[6]?.trim() === '0');
  const excluded = testLines
    .map((line) => line.split(';')[0]?.trim() ?? '')
    .find((name) => !expected.missing.some((path) => basename(path, '.png') === name));
  if (excluded === undefined) throw new Error('the fixture has no FETAL_PLANES_DB Test image');
  await tagInViewer(page, excluded, 'exclude');

  // Every African image tagged check at once, from the grid toolbar.
  const african = rows.filter((row) => row.dataset === 'African planes').length;
  await facetCheckbox(page, 'dataset', 'African planes').check();
  await expect(statusLine(page)).toHaveText(statusText(african, total));
  await page.getByLabel('Tag for the images shown').fill('check');
  await page.getByRole('button', { name: 'Add', exact: true }).click();
  await facetCheckbox(page, 'dataset', 'African planes').uncheck();

  // The Tag facet: each tag narrows the grid to its images.
  await tagBox(page, 'exclude', 1).check();
  await expect(statusLine(page)).toHaveText(statusText(1, total));
  await expect(page.getByRole('gridcell')).toHaveAttribute('aria-label', `${excluded}.png`);
  await tagBox(page, 'exclude', 1).uncheck();
  await tagBox(page, 'check', african).check();
  await expect(statusLine(page)).toHaveText(statusText(african, total));
  await tagBox(page, 'check', african).uncheck();

  // FETAL_PLANES_DB's Test rows in its own format, less the excluded image.
  await facetCheckbox(page, 'dataset', 'FETAL_PLANES_DB').check();
  await facetCheckbox(page, 'split', 'Test').check();
  await page.getByRole('tab', { name: 'Export' }).click();
  await expect(page.getByText(/without the 1 tagged “exclude”/)).toBeVisible();
  const csvName = basename(fetal.path);
  await page.getByRole('button', { name: `Save ${csvName}`, exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: 'saved as' })).toHaveText(
    `${csvName}: saved as “${csvName}”.`,
  );
  const kept = testLines.filter((line) => line.split(';')[0]?.trim() !== excluded);
  expect(kept.length).toBe(testLines.length - 1);
  const subset = (await savedBytes(page, 'saved', csvName)).toString('utf8');
  expect(subset).toBe([fetal.lines[0], ...kept].join(''));

  // The combined CSV: a row per image kept, tags in their column.
  await page.getByRole('button', { name: 'Save planescope-images.csv' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'combined CSV: saved' })).toBeVisible();
  const combined = (await savedBytes(page, 'saved', 'planescope-images.csv')).toString('utf8');
  const combinedLines = combined.split('\r\n').filter((line) => line !== '');
  expect(combinedLines[0]).toMatch(/^dataset,path,file,patient,plane,.*,tags$/);
  expect(combinedLines.slice(1).map((line) => line.split(',')[2])).toEqual(
    kept.map((line) => `${line.split(';')[0]?.trim()}.png`),
  );

  // Unfiltered, the excluded image kept: the published file back byte for byte.
  await page.getByRole('button', { name: 'Clear filters' }).click();
  await page.getByLabel(/Leave out the images tagged “exclude”/).uncheck();
  await page.getByRole('button', { name: `Save ${csvName}`, exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: 'saved as' })).toBeVisible();
  expect((await savedBytes(page, 'saved', csvName)).equals(fetal.bytes)).toBe(true);

  // The African images tagged check, copied with their CSV into a picked folder.
  await page.getByRole('tab', { name: 'Grid' }).click();
  await tagBox(page, 'check', african).check();
  await page.getByRole('tab', { name: 'Export' }).click();
  await page.getByRole('button', { name: 'Copy into a folder…' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'The copy: saved as' })).toBeVisible();
  const africanCsv = csvOf('african');
  // Every African row's image that is in the folder, readable or not; no stray file.
  const names = new Set(
    rows.filter((row) => row.dataset === 'African planes').map((row) => `${row.name}.png`),
  );
  const present = manifest.files
    .map((file) => file.path)
    .filter((path) => path.startsWith('African') && names.has(basename(path)));
  expect(await savedPaths(page, 'copy')).toEqual(
    [...present, africanCsv.path, 'planescope-images.csv'].sort(),
  );
  expect((await savedBytes(page, 'copy', africanCsv.path)).equals(africanCsv.bytes)).toBe(true);
  const first = present[0] ?? '';
  const onDisk = readFileSync(join(manifest.out, first));
  expect((await savedBytes(page, 'copy', first)).equals(onDisk)).toBe(true);

  // Tags survive a reload and a reopen.
  await page.reload();
  await page.getByLabel('Choose folder').setInputFiles(manifest.out);
  await expect(tagBox(page, 'exclude', 1)).toBeVisible();
  watch.expectClean();
});

test('the copy refuses the dataset folder itself', async ({ page }) => {
  const watch = watchPage(page);
  const folder = basename(manifest.out);
  // The same stub serves the open and the copy: the copy is offered the dataset folder.
  await stubPickerWithOpfs(page, folder);
  await page.goto('/');
  await fillOpfs(page, manifest);
  await page.getByRole('button', { name: 'Open folder' }).click();
  await expect(statusLine(page)).toHaveText(statusText(rows.length, rows.length));
  await page.getByRole('tab', { name: 'Export' }).click();
  await page.getByRole('button', { name: 'Copy into a folder…' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'The copy failed' })).toHaveText(
    `The copy failed: “${folder}” is the dataset folder or inside it: pick another folder.`,
  );
  const written = await page.evaluate(async (name) => {
    const dir = await (await navigator.storage.getDirectory()).getDirectoryHandle(name);
    let count = 0;
    for await (const entry of dir.keys()) if (entry !== '') count++;
    return count;
  }, folder);
  // Nothing was added at the top of the dataset folder.
  const top = new Set(manifest.files.map((file) => file.path.split('/')[0]));
  expect(written).toBe(top.size);
  watch.expectClean();
});

/** The rows of a saved or fixture CSV, split into trimmed fields, keyed by image name. */
function rowsByName(text: string, dataset: 'fetal' | 'african'): Map<string, string[]> {
  const delimiter = dataset === 'fetal' ? ';' : ',';
  const nameAt = dataset === 'fetal' ? 0 : 4;
  const out = new Map<string, string[]>();
  for (const line of text.split(/\r?\n/).slice(1)) {
    if (line.trim() === '') continue;
    const fields = line.split(delimiter).map((field) => field.trim());
    out.set(fields[nameAt] ?? '', fields);
  }
  return out;
}

test('a new split keeps patients whole, matches its table, and saves in each format', async ({
  page,
}) => {
  const watch = await openWithSaving(page);
  await page.getByRole('tab', { name: 'Export' }).click();

  const percents = { Train: 60, Validation: 20, Test: 20 };
  for (const [part, percent] of Object.entries(percents)) {
    await page.getByLabel(`${part} %`, { exact: true }).fill(String(percent));
  }
  await page.getByLabel('Seed', { exact: true }).fill('7');
  const section = page.getByRole('region', { name: 'New split' });
  await section.screenshot({ path: test.info().outputPath('export-new-split.png') });

  /** Saves the dataset's CSV with the new split; returns the saved text. */
  const saveSplit = async (dataset: 'fetal' | 'african') => {
    const csvName = basename(csvOf(dataset).path);
    const savedName = csvName.replace(/\.csv$/, '_split-60-20-20-seed7.csv');
    await section.getByRole('button', { name: `Save ${csvName} with the new split` }).click();
    const saved = `${savedName}: saved as “${savedName}”.`;
    await expect(section.getByRole('status')).toHaveText(saved);
    return (await savedBytes(page, 'saved', savedName)).toString('utf8');
  };

  // Each saved row is its source row with Train rewritten and the part in a new last column.
  const partOf = new Map<string, string>();
  const patientRows = new Map<string, number>();
  for (const dataset of ['fetal', 'african'] as const) {
    const source = csvOf(dataset);
    const saved = await saveSplit(dataset);
    const delimiter = dataset === 'fetal' ? ';' : ',';
    expect(saved.split(/\r?\n/)[0]).toBe(
      `${source.lines[0]?.replace(/\r?\n$/, '')}${delimiter}Split${dataset === 'fetal' ? ' ' : ''}`,
    );
    const original = rowsByName(source.lines.join(''), dataset);
    const written = rowsByName(saved, dataset);
    expect([...written.keys()].sort()).toEqual(
      rows
        .filter(
          (row) => row.dataset === (dataset === 'fetal' ? 'FETAL_PLANES_DB' : 'African planes'),
        )
        .map((row) => row.name)
        .sort(),
    );
    const trainAt = dataset === 'fetal' ? 6 : 2;
    for (const [name, fields] of written) {
      const before = original.get(name) ?? [];
      const part = fields[fields.length - 1] ?? '';
      expect(['Train', 'Validation', 'Test']).toContain(part);
      expect(fields[trainAt], name).toBe(part === 'Test' ? '0' : '1');
      expect(fields.slice(0, -1).filter((_, at) => at !== trainAt)).toEqual(
        before.filter((_, at) => at !== trainAt),
      );
      const patient =
        dataset === 'fetal' ? `fetal ${fields[1]}` : `african ${fields[3]}/${fields[0]}`;
      expect(partOf.get(patient) ?? part, `patient ${patient} in one part`).toBe(part);
      partOf.set(patient, part);
      patientRows.set(patient, (patientRows.get(patient) ?? 0) + 1);
    }
  }

  // Every part within one patient's images of its target, and as the table counts it.
  const largest = Math.max(...patientRows.values());
  const total = [...patientRows.values()].reduce((sum, n) => sum + n, 0);
  expect(total).toBe(rows.length);
  for (const [part, percent] of Object.entries(percents)) {
    const patients = [...partOf].filter(([, own]) => own === part).map(([patient]) => patient);
    const images = patients.reduce((sum, patient) => sum + (patientRows.get(patient) ?? 0), 0);
    expect(Math.abs(images - (total * percent) / 100), part).toBeLessThanOrEqual(largest);
    const row = section.getByRole('row').filter({
      has: page.getByRole('rowheader', { name: `New split: ${part}`, exact: true }),
    });
    await expect(row.getByRole('cell').nth(0)).toHaveText(formatCount(images));
    await expect(row.getByRole('cell').nth(2)).toHaveText(formatCount(patients.length));
  }

  // Another seed, then the first again: the same bytes.
  const first = await savedBytes(page, 'saved', 'FETAL_PLANES_DB_data_split-60-20-20-seed7.csv');
  await page.getByLabel('Seed', { exact: true }).fill('8');
  await page.getByLabel('Seed', { exact: true }).fill('7');
  await saveSplit('fetal');
  const again = await savedBytes(page, 'saved', 'FETAL_PLANES_DB_data_split-60-20-20-seed7.csv');
  expect(again.equals(first)).toBe(true);

  // Proportions that do not add up are refused, with the reason.
  await page.getByLabel('Test %', { exact: true }).fill('30');
  await expect(section.getByRole('alert')).toHaveText('The parts add up to 110%, not 100%.');

  // With no validation part, the published columns only: the header as published.
  await page.getByLabel('Validation %', { exact: true }).fill('0');
  await page.getByLabel('Train %', { exact: true }).fill('70');
  const twoWay = 'FETAL_PLANES_DB_data_split-70-0-30-seed7.csv';
  await section.getByRole('button', { name: /^Save FETAL_PLANES_DB_data\.csv with/ }).click();
  await expect(section.getByRole('status')).toHaveText(`${twoWay}: saved as “${twoWay}”.`);
  const saved = (await savedBytes(page, 'saved', twoWay)).toString('utf8');
  const fetal = csvOf('fetal');
  expect(saved.split(/(?<=\n)/)[0]).toBe(fetal.lines[0]);
  const written = rowsByName(saved, 'fetal');
  expect(written.size).toBe(rowsByName(fetal.lines.join(''), 'fetal').size);
  for (const fields of written.values()) expect(['0', '1']).toContain(fields[6]);
  watch.expectClean();
});
