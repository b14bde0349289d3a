// Under Playwright the real showDirectoryPicker always rejects: specs replace it with one that
// hands back a real OPFS folder they filled from a fixture folder on disk.

import { readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { Page } from '@playwright/test';
import type { Manifest } from '../fixtures/spec.ts';

/** Files sent to the page per evaluate: a few hundred KB of base64 at most. */
const BATCH = 40;

/**
 * Copies every file of `manifest`'s folder into the page's OPFS, under a folder of the same name,
 * and returns that name.
 */
export async function fillOpfs(page: Page, manifest: Manifest): Promise<string> {
  const folder = basename(manifest.out);
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
      { folder, files: batch },
    );
  }
  return folder;
}

/**
 * Before any page script runs, replaces showDirectoryPicker with one that resolves to the OPFS
 * folder `folder` (filled by fillOpfs once the page is up).
 */
export async function stubPickerWithOpfs(page: Page, folder: string): Promise<void> {
  await page.addInitScript((name) => {
    const pick = async () => (await navigator.storage.getDirectory()).getDirectoryHandle(name);
    Object.defineProperty(window, 'showDirectoryPicker', { value: pick, configurable: true });
  }, folder);
}

/**
 * Before any page script runs, replaces showSaveFilePicker with one that creates the suggested
 * file in the OPFS folder `saved` (read back with savedBytes).
 */
export async function stubSaveDialog(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const save = async ({ suggestedName }: { suggestedName: string }) => {
      const root = await navigator.storage.getDirectory();
      const saved = await root.getDirectoryHandle('saved', { create: true });
      return saved.getFileHandle(suggestedName, { create: true });
    };
    Object.defineProperty(window, 'showSaveFilePicker', { value: save, configurable: true });
  });
}

/** A saved file's bytes, from OPFS folder `folder`. */
export async function savedBytes(page: Page, folder: string, path: string): Promise<Buffer> {
  const base64 = await page.evaluate(
    async ({ folder, path }) => {
      let dir = await (await navigator.storage.getDirectory()).getDirectoryHandle(folder);
      const parts = path.split('/');
      const name = parts.pop() ?? '';
      for (const part of parts) dir = await dir.getDirectoryHandle(part);
      const bytes = new Uint8Array(
        await (await (await dir.getFileHandle(name)).getFile()).arrayBuffer(),
      );
      let text = '';
      for (const byte of bytes) text += String.fromCharCode(byte);
      return btoa(text);
    },
    { folder, path },
  );
  return Buffer.from(base64, 'base64');
}
