import { groupProblems } from '../../src/core/problems.ts';
import type { Problem, ProblemKind } from '../../src/core/types.ts';

const problem = (kind: ProblemKind, file: string): Problem => ({ kind, file, message: file });

describe('groupProblems', () => {
  it('lists problems under their headings in reading order, keeping the order found', () => {
    const groups = groupProblems([
      problem('unreadable-image', 'Images/b.png'),
      problem('missing-image', 'Images/a.png'),
      problem('row-value', 'db.csv'),
      problem('unlisted-file', 'x.png'),
      problem('missing-image', 'Images/c.png'),
      problem('duplicate-file', 'copy/a.png'),
    ]);
    expect(groups.map((group) => [group.title, group.problems.map((p) => p.file)])).toEqual([
      ['Bad CSV rows', ['db.csv']],
      ['Missing images', ['Images/a.png', 'Images/c.png']],
      ['Files no row names', ['x.png', 'copy/a.png']],
      ['Unreadable images', ['Images/b.png']],
    ]);
  });

  it('returns no group for no problem', () => {
    expect(groupProblems([])).toEqual([]);
  });
});
