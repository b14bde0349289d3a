import { expect, test } from '@playwright/test';
import { watchPage } from './watch.ts';

test('the built start screen loads with no page or console error', async ({ page }) => {
  const watch = watchPage(page);
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1, name: 'Planescope' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'About' })).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('start.png'), fullPage: true });
  watch.expectClean();
});
