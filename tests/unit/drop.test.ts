import { folderFromDrop } from '../../src/io/drop.ts';

// Minimal stand-ins for the entries API that browsers without drop handles give.
type FakeEntry = FakeFile | FakeDirectory;

interface FakeFile {
  readonly isFile: true;
  readonly isDirectory: false;
  readonly name: string;
  file(resolve: (file: File) => void): void;
}

interface FakeDirectory {
  readonly isFile: false;
  readonly isDirectory: true;
  readonly name: string;
  createReader(): { readEntries(resolve: (batch: FakeEntry[]) => void): void };
}

const file = (name: string, bytes = 3): FakeFile => ({
  isFile: true,
  isDirectory: false,
  name,
  file: (resolve) => resolve(new File([new Uint8Array(bytes)], name)),
});

/** A folder whose reader hands out at most 100 entries a call, as Chromium's does. */
const folder = (name: string, children: FakeEntry[]): FakeDirectory => ({
  isFile: false,
  isDirectory: true,
  name,
  createReader() {
    let at = 0;
    return {
      readEntries(resolve) {
        const batch = children.slice(at, at + 100);
        at += batch.length;
        resolve(batch);
      },
    };
  },
});

const dropOf = (entry: FakeEntry) =>
  [{ kind: 'file', webkitGetAsEntry: () => entry }] as unknown as DataTransferItemList;

describe('folderFromDrop', () => {
  it('walks every level of a dropped folder, past 100 entries a folder, sorted by path', async () => {
    const images = Array.from({ length: 250 }, (_, i) =>
      file(`img${String(i).padStart(3, '0')}.png`),
    );
    const dropped = folder('FETAL', [
      file('FETAL_PLANES_DB_data.csv'),
      folder('Images', images),
      folder('.git', [file('config')]),
    ]);
    const seen: number[] = [];
    const opened = await folderFromDrop(dropOf(dropped), (n) => seen.push(n));

    expect(opened?.name).toBe('FETAL');
    expect(opened?.origin).toBe('drop');
    expect(opened?.handle).toBeNull();
    const paths = opened?.entries.map((entry) => entry.path) ?? [];
    expect(paths).toHaveLength(251);
    expect(paths[0]).toBe('FETAL_PLANES_DB_data.csv');
    expect(paths[1]).toBe('Images/img000.png');
    expect(paths.at(-1)).toBe('Images/img249.png');
    expect(seen.at(-1)).toBe(251);
  });

  it('reads each dropped file when asked, with its size', async () => {
    const opened = await folderFromDrop(dropOf(folder('x', [file('a.png', 7)])), () => {});
    const entry = opened?.entries[0];
    expect(entry?.size).toBe(7);
    expect((await entry?.getFile())?.name).toBe('a.png');
  });

  it('opens nothing when the drop holds files but no folder', async () => {
    expect(await folderFromDrop(dropOf(file('a.png')), () => {})).toBeNull();
  });
});
