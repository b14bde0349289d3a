import { baseName, folderOf, isCsv, isLitter, stripCommonRoot } from '../../src/core/paths.ts';

describe('isLitter', () => {
  it.each([
    '.DS_Store',
    'Images/.DS_Store',
    '.hidden/a.png',
    'Images/Thumbs.db',
    'thumbs.db',
    'Desktop.ini',
    '__MACOSX/Images/._a.png',
    'a/__MACOSX/b.csv',
  ])('skips %s', (path) => {
    expect(isLitter(path)).toBe(true);
  });

  it.each([
    'Images/a.png',
    'FETAL_PLANES_DB_data.csv',
    'Algeria/patient001_DZA_plane0.png',
    'x (1).png',
  ])('keeps %s', (path) => {
    expect(isLitter(path)).toBe(false);
  });
});

describe('folderOf and baseName', () => {
  it('split a path into its folder, with a trailing slash, and its last part', () => {
    expect(folderOf('a/b/c.png')).toBe('a/b/');
    expect(folderOf('c.png')).toBe('');
    expect(baseName('a/b/c.png')).toBe('c.png');
    expect(baseName('c.png')).toBe('c.png');
  });
});

describe('isCsv', () => {
  it('matches the extension in any letter case', () => {
    expect(isCsv('a/DB.CSV')).toBe(true);
    expect(isCsv('a/db.csv.png')).toBe(false);
  });
});

describe('stripCommonRoot', () => {
  it('drops the chosen folder name the folder input puts first', () => {
    expect(stripCommonRoot(['FETAL/db.csv', 'FETAL/Images/a.png'])).toEqual([
      'db.csv',
      'Images/a.png',
    ]);
  });

  it('leaves paths alone when they do not share a first folder', () => {
    expect(stripCommonRoot(['db.csv', 'Images/a.png'])).toEqual(['db.csv', 'Images/a.png']);
    expect(stripCommonRoot(['A/x.png', 'B/y.png'])).toEqual(['A/x.png', 'B/y.png']);
    expect(stripCommonRoot([])).toEqual([]);
  });
});
