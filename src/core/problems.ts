import type { Problem, ProblemKind } from './types.ts';

/** The headings problems are listed under, in the order a user should read them. */
export const PROBLEM_HEADINGS = [
  'CSV files',
  'Bad CSV rows',
  'Missing images',
  'Files no row names',
  'Unreadable images',
] as const;

export type ProblemHeading = (typeof PROBLEM_HEADINGS)[number];

// A Record, so that a new kind of problem does not compile until it has a heading.
const HEADING_OF: Readonly<Record<ProblemKind, ProblemHeading>> = {
  'csv-unknown': 'CSV files',
  'csv-duplicate': 'CSV files',
  'metadata-only': 'CSV files',
  'row-unreadable': 'Bad CSV rows',
  'row-value': 'Bad CSV rows',
  'row-name': 'Bad CSV rows',
  'row-patient': 'Bad CSV rows',
  'row-duplicate': 'Bad CSV rows',
  'missing-image': 'Missing images',
  'unlisted-file': 'Files no row names',
  'duplicate-file': 'Files no row names',
  'unreadable-image': 'Unreadable images',
};

/** Problems under one heading. */
export interface ProblemGroup {
  readonly title: ProblemHeading;
  readonly problems: readonly Problem[];
}

/**
 * Takes a load's problems; returns them under their headings, in reading order, each group in
 * the order the problems were found. Headings with no problem are left out. O(n).
 */
export function groupProblems(problems: readonly Problem[]): ProblemGroup[] {
  const groups = new Map<ProblemHeading, Problem[]>(PROBLEM_HEADINGS.map((title) => [title, []]));
  for (const problem of problems) groups.get(HEADING_OF[problem.kind])?.push(problem);
  return PROBLEM_HEADINGS.flatMap((title) => {
    const found = groups.get(title) ?? [];
    return found.length === 0 ? [] : [{ title, problems: found }];
  });
}
