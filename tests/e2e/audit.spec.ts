// The Audit tab over a generated folder with one of each flaw planted: every heading must list
// exactly what the generator planted (worked out from its manifest and CSVs), and no clean file.

import { basename } from 'node:path';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { FINDING_HEADING, FINDING_LABEL } from '../../src/core/audit/audit.ts';
import { NEAR_DUPLICATE_DEFAULT_BITS } from '../../src/core/audit/index.ts';
import type { AuditJson } from '../../src/core/export/index.ts';
import type { Manifest } from '../fixtures/spec.ts';
import { formatCount, patientOf, readRows, statusText, type Row } from './expected.ts';
import { statusLine, waitForFirstScreen, waitForScan } from './explorer-page.ts';
import { auditFolder, type AuditPlan, type UnreadableKind } from './folders.ts';
import { fillOpfs, savedBytes, stubPickerWithOpfs, stubSaveDialog } from './opfs.ts';
import { watchPage } from './watch.ts';

/** How the app words each kind of unreadable file the fixture plants. */
const REASON: Readonly<Record<UnreadableKind, RegExp>> = {
  'zero-byte': /empty file \(0 bytes\)/,
  truncated: /truncated/,
  'jpeg-as-png': /a JPEG file named \.png/,
};

let manifest: Manifest;
let expected: AuditPlan;
let rows: Row[];

test.beforeAll(async () => {
  const folder = await auditFolder();
  manifest = folder.manifest;
  expected = folder.expected;
  rows = readRows(manifest.out, manifest.csvs);
});

/** The section of the Audit tab under `heading`. */
function section(page: Page, heading: string): Locator {
  return page.getByRole('region', { name: heading, exact: true });
}

/** The `title` (a relative path) of every element `locator` matches, in document order. */
function titles(locator: Locator): Promise<string[]> {
  return locator.evaluateAll((elements) => elements.map((el) => el.getAttribute('title') ?? ''));
}

const sorted = (values: readonly string[]) => [...values].sort();

/** Opens the Audit tab and waits until every image has been read and hashed. */
async function openAudit(page: Page): Promise<void> {
  await page.getByRole('tab', { name: 'Audit' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Audit' })).toBeVisible();
  await waitForScan(page);
  await expect(page.getByRole('progressbar', { name: 'Hashing images' })).toHaveCount(0, {
    timeout: 60_000,
  });
}

/** The file paths each group (an article) of `region` shows, group by group. */
async function groupsOf(region: Locator): Promise<string[][]> {
  const groups: string[][] = [];
  for (const article of await region.getByRole('article').all()) {
    groups.push(sorted(await titles(article.getByRole('listitem').getByRole('button'))));
  }
  return groups;
}

/** Checks that every heading lists exactly the planted flaws of `expected`. */
async function expectPlantedFindings(page: Page): Promise<void> {
  const missing = section(page, FINDING_HEADING.missing);
  expect(sorted(await titles(missing.getByRole('listitem').getByRole('button')))).toEqual(
    sorted(expected.missing),
  );

  const unlisted = section(page, FINDING_HEADING.unlisted);
  expect(sorted(await titles(unlisted.getByRole('listitem').getByRole('button')))).toEqual(
    sorted(expected.unlisted),
  );

  const unreadable = section(page, FINDING_HEADING.unreadable);
  const items = unreadable.getByRole('listitem');
  await expect(items).toHaveCount(expected.unreadable.length);
  for (const { path, kind } of expected.unreadable) {
    const item = items.filter({ has: page.getByTitle(path, { exact: true }) });
    await expect(item, path).toHaveCount(1);
    await expect(item, `the reason ${path} is unreadable`).toContainText(REASON[kind]);
  }

  // Each leaked patient lists its images under each split it appears in.
  const leakage = section(page, FINDING_HEADING.leakage);
  const leaked = leakage.getByRole('article');
  await expect(leaked).toHaveCount(expected.leakage.length);
  for (const { patient } of expected.leakage) {
    const entry = leaked.filter({ hasText: new RegExp(`^Patient ${patient}\\b`) });
    await expect(entry, `patient ${patient}`).toHaveCount(1);
    const own = rows.filter((row) => patientOf(row) === patient);
    for (const split of new Set(own.map((row) => row.split ?? ''))) {
      const images = own.filter((row) => row.split === split).length;
      await expect(entry).toContainText(
        `${split}: ${images === 1 ? '1 image' : `${images} images`}`,
      );
    }
    const shown = sorted(await titles(entry.getByRole('listitem').getByRole('button')));
    expect(shown.map((path) => basename(path, '.png'))).toEqual(sorted(own.map((row) => row.name)));
  }

  const exact = section(page, FINDING_HEADING['exact-duplicate']);
  expect(await groupsOf(exact)).toEqual(expected.exact.map(sorted));
  // The planted copy crosses splits and patients: both badges say so.
  await expect(exact.getByRole('article').first()).toContainText('Spans Train and Test');
  await expect(exact.getByRole('article').first()).toContainText('Spans patients');

  const near = section(page, FINDING_HEADING['near-duplicate']);
  expect(await groupsOf(near)).toEqual(expected.near.map(sorted));
  const slider = near.getByRole('slider', { name: 'Similarity threshold' });
  await expect(slider).toHaveValue(String(NEAR_DUPLICATE_DEFAULT_BITS));
  await expect(near).toContainText(`default ${NEAR_DUPLICATE_DEFAULT_BITS} bits`);
  await expect(near.getByText(/^Look-alike frames of one patient and plane/)).toBeVisible();

  // One entry per rare size and group; each lists its files.
  const sizes = section(page, FINDING_HEADING['unusual-size']);
  const shownSizes: string[] = [];
  for (const entry of await sizes.getByRole('article').all()) {
    const title = await entry.locator('p').first().innerText();
    const match = /^(\d+)×(\d+)\s+(Country|Machine) (.+?): /.exec(title);
    expect(match, `an unusual size reads "${title}"`).not.toBeNull();
    const [, width, height, by, group] = match ?? [];
    for (const path of await titles(entry.getByRole('listitem').getByRole('button'))) {
      shownSizes.push(`${by?.toLowerCase()} ${group} ${width}×${height} ${path}`);
    }
  }
  expect(sorted(shownSizes)).toEqual(
    sorted(
      expected.oddSize.map(
        (odd) => `${odd.by} ${odd.group} ${odd.width}×${odd.height} ${odd.path}`,
      ),
    ),
  );

  // The header line adds them up: files, patients, groups, and sizes per group.
  const rareSizes = new Set(
    expected.oddSize.map((odd) => `${odd.by}:${odd.group}:${odd.width}×${odd.height}`),
  );
  const counts: [string, number][] = [
    [FINDING_HEADING.missing, expected.missing.length],
    [FINDING_HEADING.unlisted, expected.unlisted.length],
    [FINDING_HEADING.unreadable, expected.unreadable.length],
    [FINDING_HEADING.leakage, expected.leakage.length],
    [FINDING_HEADING['exact-duplicate'], expected.exact.length],
    [FINDING_HEADING['near-duplicate'], expected.near.length],
    [FINDING_HEADING['unusual-size'], rareSizes.size],
  ];
  const total = counts.reduce((sum, [, count]) => sum + count, 0);
  await expect(page.getByText(/^\d+ findings?: /)).toHaveText(
    `${formatCount(total)} findings: ${counts.map(([name, count]) => `${name} ${count}`).join(' · ')}`,
  );
}

test('the Audit tab lists exactly the planted flaws, and the Finding facet narrows the grid', async ({
  page,
}) => {
  const watch = watchPage(page);
  // Every kind is planted at least once, so an empty heading is a failure of the audit.
  for (const list of Object.values(expected)) expect(list.length).toBeGreaterThan(0);

  await page.goto('/');
  await page.getByLabel('Choose folder').setInputFiles(manifest.out);
  await expect(statusLine(page)).toHaveText(statusText(rows.length, rows.length));
  await openAudit(page);
  await page.screenshot({ path: test.info().outputPath('audit-tab.png'), fullPage: true });
  await expectPlantedFindings(page);
  for (const heading of [FINDING_HEADING['exact-duplicate'], FINDING_HEADING['near-duplicate']]) {
    const shot = test.info().outputPath(`audit-${heading.replace(/\W+/g, '-')}.png`);
    await section(page, heading).screenshot({ path: shot });
  }

  // Machine by split, counted from the CSVs; the African rows have no machine and are left out.
  const table = page.getByRole('table', { name: /^Machine by split/ });
  const machines = new Map<string, Map<string, number>>();
  for (const row of rows) {
    if (row.machine === null || row.split === null) continue;
    const bySplit = machines.get(row.machine) ?? new Map<string, number>();
    bySplit.set(row.split, (bySplit.get(row.split) ?? 0) + 1);
    machines.set(row.machine, bySplit);
  }
  const columns = await table.locator('thead th').allInnerTexts();
  const splits = columns.slice(1, -1);
  expect(sorted(splits)).toEqual(sorted([...new Set(rows.map((row) => row.split ?? ''))]));
  const body = table.locator('tbody tr');
  await expect(body).toHaveCount(machines.size);
  for (const [machine, bySplit] of machines) {
    const cells = body.filter({ has: page.getByRole('rowheader', { name: machine, exact: true }) });
    const counts = await cells.locator('.audit-xtab__count').allInnerTexts();
    expect(counts, machine).toEqual(splits.map((split) => formatCount(bySplit.get(split) ?? 0)));
  }
  await section(page, 'Cross-tab').screenshot({ path: test.info().outputPath('audit-xtab.png') });

  // The Finding facet: one kind of finding narrows the grid to its images.
  await page.getByRole('tab', { name: 'Grid' }).click();
  const findings = page.getByRole('group', { name: 'Finding', exact: true });
  const copies = expected.exact.flat();
  const checkbox = findings.getByRole('checkbox', {
    name: `${FINDING_LABEL['exact-duplicate']} (${formatCount(copies.length)})`,
    exact: true,
  });
  await checkbox.check();
  await expect(statusLine(page)).toHaveText(statusText(copies.length, rows.length));
  const grid = page.getByRole('grid', { name: 'Images' });
  await expect(grid.getByRole('gridcell')).toHaveCount(copies.length);
  const names = await grid
    .getByRole('gridcell')
    .evaluateAll((cells) => cells.map((cell) => cell.getAttribute('aria-label') ?? ''));
  expect(sorted(names)).toEqual(sorted(copies.map((path) => basename(path))));
  await waitForFirstScreen(page, 30_000);
  await page.screenshot({ path: test.info().outputPath('audit-finding-facet.png') });

  // The missing images: as many as the heading listed, counted by row.
  await checkbox.uncheck();
  const missing = findings.getByRole('checkbox', {
    name: `${FINDING_LABEL.missing} (${formatCount(expected.missing.length)})`,
    exact: true,
  });
  await missing.check();
  await expect(statusLine(page)).toHaveText(statusText(expected.missing.length, rows.length));
  watch.expectClean();
});

/** Saves the audit report in `format` from the Export tab; returns its bytes. */
async function saveReport(page: Page, format: 'Markdown' | 'JSON'): Promise<Buffer> {
  const name = `${basename(manifest.out)} audit.${format === 'JSON' ? 'json' : 'md'}`;
  await page.getByRole('tab', { name: 'Export' }).click();
  await page.getByRole('button', { name: `Save audit report (${format})` }).click();
  await expect(page.getByRole('status').filter({ hasText: `The ${format} report` })).toHaveText(
    `The ${format} report: saved as “${name}”.`,
  );
  return savedBytes(page, 'saved', name);
}

/** Checks that the JSON report names exactly the planted flaws of `expected`. */
function expectPlantedReport(report: AuditJson): void {
  expect(report.folder).toBe(basename(manifest.out));
  expect(report.hashed).toBe(report.images);
  expect(sorted(report.missing.map((entry) => entry.file))).toEqual(sorted(expected.missing));
  expect(sorted(report.unlisted.map((entry) => entry.file))).toEqual(sorted(expected.unlisted));
  expect(sorted(report.unreadable.map((entry) => entry.file))).toEqual(
    sorted(expected.unreadable.map((entry) => entry.path)),
  );
  expect(sorted(report.leakage.map((entry) => entry.patient))).toEqual(
    sorted(expected.leakage.map((entry) => entry.patient)),
  );
  const files = (images: readonly { readonly file: string }[]) =>
    sorted(images.map((image) => image.file));
  expect(report.exactDuplicates.map((group) => files(group.images))).toEqual(
    expected.exact.map(sorted),
  );
  expect(report.nearDuplicates.crossPatient.map((group) => files(group.folds.flat()))).toEqual(
    expected.near.map(sorted),
  );
  expect(sorted([...new Set(report.unusualSizes.flatMap((entry) => entry.files))])).toEqual(
    sorted([...new Set(expected.oddSize.map((odd) => odd.path))]),
  );
}

test("the picker's real folder handle gives the same audit, and the same report twice", async ({
  page,
}) => {
  const watch = watchPage(page);
  const folder = basename(manifest.out);
  await stubPickerWithOpfs(page, folder);
  await stubSaveDialog(page);
  await page.goto('/');
  await fillOpfs(page, manifest);
  await page.getByRole('button', { name: 'Open folder' }).click();
  await expect(statusLine(page)).toHaveText(statusText(rows.length, rows.length));
  await openAudit(page);
  await expectPlantedFindings(page);

  const json = await saveReport(page, 'JSON');
  expectPlantedReport(JSON.parse(json.toString('utf8')) as AuditJson);
  const markdown = (await saveReport(page, 'Markdown')).toString('utf8');
  expect(markdown.startsWith(`# Audit of ${folder}\n`)).toBe(true);
  for (const heading of Object.values(FINDING_HEADING)) {
    expect(markdown, heading).toContain(`\n## ${heading} (`);
  }
  // Markdown escapes the underscores of file names.
  const text = markdown.replace(/\\(.)/g, '$1');
  for (const path of expected.missing) expect(text).toContain(path);
  await page.screenshot({ path: test.info().outputPath('export-audit-report.png') });

  // The same folder opened again gives the same bytes.
  await page.reload();
  await page.getByRole('button', { name: 'Open folder' }).click();
  await expect(statusLine(page)).toHaveText(statusText(rows.length, rows.length));
  await openAudit(page);
  expect((await saveReport(page, 'JSON')).equals(json)).toBe(true);
  expect((await saveReport(page, 'Markdown')).toString('utf8')).toBe(markdown);
  watch.expectClean();
});
