// Reading and driving the explorer through its accessible names only.

import { expect, test, type Locator, type Page } from '@playwright/test';
import { FACETS, facetCounts, formatCount, type Facet, type Filter, type Row } from './expected.ts';

export function statusLine(page: Page): Locator {
  return page.getByRole('status');
}

export function facetGroup(page: Page, facet: Facet): Locator {
  return page.getByRole('group', { name: FACETS[facet], exact: true });
}

/** The checkbox of `value` in `facet`, whatever its count. */
export function facetCheckbox(page: Page, facet: Facet, value: string): Locator {
  const name = new RegExp(`^${escapeRegExp(value)} \\([\\d,]+\\)$`);
  return facetGroup(page, facet).getByRole('checkbox', { name });
}

/**
 * Checks that `facet` lists exactly the values found in `rows`, each named `<value> (<count>)`
 * with the count the user would see by adding it to `filter`.
 */
export async function expectFacetCounts(
  page: Page,
  rows: readonly Row[],
  facet: Facet,
  filter: Filter,
): Promise<void> {
  const counts = facetCounts(rows, facet, filter);
  const group = facetGroup(page, facet);
  await expect(group.getByRole('checkbox'), `${FACETS[facet]} values`).toHaveCount(counts.size);
  for (const [value, count] of counts) {
    const name = `${value} (${formatCount(count)})`;
    await expect(group.getByRole('checkbox', { name, exact: true }), name).toHaveCount(1);
  }
}

/** Resolves once every grid cell on screen shows its thumbnail, or says why it has none. */
export async function waitForFirstScreen(page: Page, timeout: number): Promise<void> {
  await page.waitForFunction(
    () => {
      const grid = document.querySelector('[role="grid"]');
      if (grid === null) return false;
      const box = grid.getBoundingClientRect();
      const top = Math.max(box.top, 0);
      const bottom = Math.min(box.bottom, window.innerHeight);
      const onScreen = [...grid.querySelectorAll('[role="gridcell"]')].filter((cell) => {
        const r = cell.getBoundingClientRect();
        return r.bottom > top && r.top < bottom && r.right > box.left && r.left < box.right;
      });
      return (
        onScreen.length > 0 &&
        onScreen.every((cell) => {
          const picture = cell.querySelector('canvas');
          if (picture !== null) return picture.dataset.drawn !== undefined;
          return /\b(missing|unreadable)\b/.test(cell.textContent ?? '');
        })
      );
    },
    undefined,
    { polling: 'raf', timeout },
  );
}

/** Time from now until `condition` resolves, in milliseconds. */
export async function timed(
  condition: Promise<unknown>,
  since = performance.now(),
): Promise<number> {
  await condition;
  return Math.round(performance.now() - since);
}

/** Records a measurement on the test's report and in the log. */
export function note(type: string, description: string): void {
  test.info().annotations.push({ type, description });
  console.log(`${type}: ${description}`);
}

/** The Problems region, expanded: its toggle clicked if it has one, every group opened. */
export async function openProblems(page: Page): Promise<Locator> {
  const toggle = page.getByRole('button', { name: 'Show problems' });
  if ((await toggle.count()) > 0 && (await toggle.getAttribute('aria-expanded')) !== 'true') {
    await toggle.click();
  }
  const region = page.getByRole('region', { name: 'Problems' });
  await expect(region).toBeVisible();
  const summaries = region.locator('details:not([open]) > summary');
  while ((await summaries.count()) > 0) await summaries.first().click();
  return region;
}

/** The group of problems under `heading` ("Missing images", ...) in the Problems region. */
export function problemGroup(region: Locator, heading: string): Locator {
  const summary = new RegExp(`^\\s*${escapeRegExp(heading)} \\([\\d,]+\\)\\s*$`);
  return region.locator('details').filter({
    has: region.page().locator('summary').filter({ hasText: summary }),
  });
}

/** Opens `folder` through the "Choose folder" input; resolves once the status line reads `status`. */
export async function openFolder(page: Page, folder: string, status: string, timeout = 60_000) {
  await page.getByLabel('Choose folder').setInputFiles(folder);
  await expect(statusLine(page)).toHaveText(status, { timeout });
}

/** Resolves once the background pass has read every header and made every thumbnail. */
export async function waitForScan(page: Page, timeout = 120_000): Promise<void> {
  await expect(page.getByRole('progressbar', { name: 'Thumbnails made' })).toHaveCount(0, {
    timeout,
  });
}

/** The chart card titled `title` ("Images by plane and split") on the Charts tab. */
export function chartCard(page: Page, title: string): Locator {
  return page.getByRole('region', { name: title, exact: true });
}

/**
 * The middle of the bar of `label` in a chart card: of a drawn bar rectangle level with the
 * label's tick on the category axis. Fails when that bar has no rectangle drawn.
 */
export async function chartBarPoint(
  card: Locator,
  label: string,
): Promise<{ x: number; y: number }> {
  // Tick and bars are read together: the bars grow in from nothing, and may be redrawn.
  const find = () =>
    card.evaluate((element, text) => {
      const tick = [...element.querySelectorAll('.recharts-yAxis-tick-labels text')].find(
        (candidate) => candidate.textContent === text,
      );
      if (tick === undefined) return null;
      const box = tick.getBoundingClientRect();
      const y = box.top + box.height / 2;
      const bar = [...element.querySelectorAll('.recharts-bar-rectangle')]
        .map((candidate) => candidate.getBoundingClientRect())
        .find((r) => r.width > 0 && r.top <= y && r.bottom >= y);
      return bar === undefined ? null : { x: bar.left + bar.width / 2, y };
    }, label);
  await expect.poll(find, { message: `a bar drawn for ${label}` }).not.toBeNull();
  const point = await find();
  if (point === null) throw new Error(`No bar is drawn for ${label}`);
  return point;
}

/**
 * Clicks the bar of `label` in a chart card as a user does with a mouse: points at it, sees its
 * tooltip, clicks.
 */
export async function clickChartBar(card: Locator, label: string): Promise<void> {
  const { x, y } = await chartBarPoint(card, label);
  const mouse = card.page().mouse;
  await mouse.move(x, y);
  await expect(card.locator('.chart-tooltip__label'), `the tooltip of ${label}`).toHaveText(label);
  await mouse.down();
  await mouse.up();
}

/** Resolves once every chart's bars have stopped growing (Recharts animates them in). */
export async function waitForChartsDrawn(page: Page): Promise<void> {
  const bars = () =>
    page
      .locator('.recharts-bar-rectangle')
      .evaluateAll((elements) =>
        JSON.stringify(elements.map((element) => element.getBoundingClientRect().toJSON())),
      );
  let last = '';
  await expect
    .poll(
      async () => {
        const now = await bars();
        const same = now === last;
        last = now;
        return same;
      },
      { intervals: [250], message: 'the chart bars stop moving' },
    )
    .toBe(true);
}

/** The text of every body row of `table`, cell by cell (header cells included), trimmed. */
export async function tableRows(table: Locator): Promise<string[][]> {
  return table.evaluate((element) =>
    [...(element as HTMLTableElement).tBodies].flatMap((body) =>
      [...body.rows].map((row) => [...row.cells].map((cell) => (cell.textContent ?? '').trim())),
    ),
  );
}

/** The text of every column header of `table`, in order. */
export async function tableHeaders(table: Locator): Promise<string[]> {
  return table.evaluate((element) =>
    [...((element as HTMLTableElement).tHead?.rows[0]?.cells ?? [])].map((cell) =>
      (cell.textContent ?? '').replace(/[▲▼]/g, '').trim(),
    ),
  );
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
