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
          const img = cell.querySelector('img');
          if (img !== null) return img.complete && img.naturalWidth > 0;
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

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
