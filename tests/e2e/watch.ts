import { expect, type Page } from '@playwright/test';

/** Where `vite preview` serves the build (playwright.config.ts). */
export const APP_ORIGIN = 'http://127.0.0.1:4173';

/**
 * Collects every page error, console error and request to another origin from the moment it is
 * called; `expectClean` fails the spec on any of them.
 */
export function watchPage(page: Page, origin = APP_ORIGIN) {
  const errors: string[] = [];
  const foreign: string[] = [];
  page.on('pageerror', (error) => errors.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console error: ${message.text()}`);
  });
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (!['http:', 'https:'].includes(url.protocol)) return;
    if (url.origin !== origin) foreign.push(request.url());
  });
  return {
    expectClean() {
      expect(errors, 'page and console errors').toEqual([]);
      expect(foreign, 'requests that left the app origin').toEqual([]);
    },
  };
}
