// Makes the fixture folders before any spec runs, so no spec's time-out pays for writing them.

import { fixtureFolder, FOLDERS, type FolderName } from './folders.ts';

export default async function globalSetup(): Promise<void> {
  for (const name of Object.keys(FOLDERS) as FolderName[]) await fixtureFolder(name);
}
