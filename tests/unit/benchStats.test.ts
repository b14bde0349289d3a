import { describe, expect, it } from 'vitest';
import {
  figure,
  formatTable,
  GOALS,
  markdownTable,
  median,
  p95,
  percentile,
} from '../bench/stats.ts';
import type { BenchResult, Figure, Unit } from '../bench/stats.ts';

function fig(value: number, unit: Unit, ratio?: number): Figure {
  return ratio === undefined ? { value, unit } : { value, unit, floor: 1, ratio };
}

function goal(name: string) {
  const found = GOALS.find((candidate) => candidate.name === name);
  if (!found) throw new Error(`no goal ${name}`);
  return found;
}

describe('median', () => {
  it('takes the middle of an odd count, whatever the order', () => {
    expect(median([5])).toBe(5);
    expect(median([3, 1, 2])).toBe(2);
    expect(median([9, -4, 7, 0, 100])).toBe(7);
  });

  it('averages the two middle values of an even count', () => {
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([10, 2, 7, 1])).toBe(4.5);
    expect(median([6, 6])).toBe(6);
  });

  it('leaves its input alone', () => {
    const values = [3, 1, 2];
    median(values);
    expect(values).toEqual([3, 1, 2]);
  });

  it('throws on no values', () => {
    expect(() => median([])).toThrow(RangeError);
  });
});

describe('percentile', () => {
  // Nearest rank: the value at rank ceil(p / 100 * n) of the sorted values.
  const wiki = [35, 20, 50, 15, 40];

  it('takes the nearest rank of unsorted values', () => {
    expect(percentile(wiki, 5)).toBe(15); // rank ceil(0.25) = 1
    expect(percentile(wiki, 30)).toBe(20); // rank ceil(1.5) = 2
    expect(percentile(wiki, 40)).toBe(20); // rank 2 exactly
    expect(percentile(wiki, 50)).toBe(35); // rank ceil(2.5) = 3
    expect(percentile(wiki, 100)).toBe(50);
  });

  it('gives p95 as the 95th percentile', () => {
    const hundred = Array.from({ length: 100 }, (_, i) => 100 - i);
    expect(p95(hundred)).toBe(95);
    expect(p95([10, 9, 8, 7, 6, 5, 4, 3, 2, 1])).toBe(10); // rank ceil(9.5) = 10
    expect(p95([7])).toBe(7);
  });

  it('throws on no values and on p outside (0, 100]', () => {
    expect(() => percentile([], 50)).toThrow(RangeError);
    expect(() => p95([])).toThrow(RangeError);
    expect(() => percentile([1, 2], 0)).toThrow(RangeError);
    expect(() => percentile([1, 2], 100.5)).toThrow(RangeError);
    expect(() => percentile([1, 2], Number.NaN)).toThrow(RangeError);
  });
});

describe('figure', () => {
  it('is the median alone without floors, with no floor or ratio key', () => {
    const result = figure([12, 10, 14], 'ms');
    expect(result).toStrictEqual({ value: 12, unit: 'ms' });
    expect('floor' in result).toBe(false);
    expect('ratio' in result).toBe(false);
  });

  it('divides the median of the values by the median of the floors', () => {
    expect(figure([12, 10, 14], 'ms', [5, 4, 6])).toStrictEqual({
      value: 12,
      unit: 'ms',
      floor: 5,
      ratio: 2.4,
    });
    // Medians 10.5 and 3.5.
    expect(figure([11, 10], 'ms', [4, 3])).toStrictEqual({
      value: 10.5,
      unit: 'ms',
      floor: 3.5,
      ratio: 3,
    });
    // 2 / 3 to three decimals.
    expect(figure([3, 1, 2], 'MB', [3])).toMatchObject({ value: 2, floor: 3, ratio: 0.667 });
  });

  it('rounds values for their unit and the ratio from the unrounded medians', () => {
    // 10.04 shows as 10.0 ms, but 10.04 / 5 = 2.008.
    expect(figure([10.04], 'ms', [5])).toStrictEqual({
      value: 10,
      unit: 'ms',
      floor: 5,
      ratio: 2.008,
    });
    expect(figure([2.5, 3.5], 'count').value).toBe(3);
    expect(figure([1234.6], 'files/s').value).toBe(1235);
    expect(figure([171.26], 'kB').value).toBe(171.3);
  });

  it('gives no ratio to a zero floor', () => {
    const result = figure([4], 'ms', [0]);
    expect(result.floor).toBe(0);
    expect('ratio' in result).toBe(false);
  });

  it('throws on no values or no floors', () => {
    expect(() => figure([], 'ms')).toThrow(RangeError);
    expect(() => figure([1], 'ms', [])).toThrow(RangeError);
  });
});

describe('GOALS', () => {
  it('lists the goals of issue 5 in order, and none for the naive figures', () => {
    expect(GOALS.map((g) => g.name)).toEqual([
      'first_screen_cold_ms',
      'first_screen_warm_ms',
      'header_scan_files_per_s',
      'thumbnails_per_s',
      'filter_p95_ms_12k',
      'filter_p95_ms_124k',
      'filter_to_paint_p95_ms',
      'scroll_long_tasks',
      'grid_dom_nodes_max',
      'memory_mb_after_scroll',
      'initial_js_kb_gzip',
    ]);
  });

  it('first_screen_cold_ms: ratio <= 1.5 and under half the naive first screen', () => {
    const { met } = goal('first_screen_cold_ms');
    const judge = (value: number, ratio: number, naive: number) =>
      met({
        first_screen_cold_ms: fig(value, 'ms', ratio),
        naive_first_screen_ms: fig(naive, 'ms'),
      });
    expect(judge(400, 1.5, 801)).toBe(true);
    expect(judge(400, 1.51, 801)).toBe(false);
    // 400 is not under 800 / 2.
    expect(judge(400, 1, 800)).toBe(false);
    expect(met({ first_screen_cold_ms: fig(400, 'ms', 1) })).toBeNull();
    expect(met({ naive_first_screen_ms: fig(801, 'ms') })).toBeNull();
    // Without floors there is no ratio to judge.
    const unfloored = {
      first_screen_cold_ms: fig(400, 'ms'),
      naive_first_screen_ms: fig(801, 'ms'),
    };
    expect(met(unfloored)).toBeNull();
  });

  it('first_screen_warm_ms: ratio <= 2', () => {
    const { met } = goal('first_screen_warm_ms');
    expect(met({ first_screen_warm_ms: fig(90, 'ms', 2) })).toBe(true);
    expect(met({ first_screen_warm_ms: fig(90, 'ms', 2.001) })).toBe(false);
    expect(met({})).toBeNull();
  });

  it('header_scan_files_per_s: ratio >= 0.9', () => {
    const { met } = goal('header_scan_files_per_s');
    expect(met({ header_scan_files_per_s: fig(9000, 'files/s', 0.9) })).toBe(true);
    expect(met({ header_scan_files_per_s: fig(9000, 'files/s', 0.899) })).toBe(false);
    expect(met({})).toBeNull();
  });

  it('thumbnails_per_s: ratio >= 0.85', () => {
    const { met } = goal('thumbnails_per_s');
    expect(met({ thumbnails_per_s: fig(300, 'files/s', 0.85) })).toBe(true);
    expect(met({ thumbnails_per_s: fig(300, 'files/s', 0.849) })).toBe(false);
    expect(met({})).toBeNull();
  });

  it.each([
    ['filter_p95_ms_12k', 8, 8.1, 'ms'],
    ['filter_p95_ms_124k', 60, 60.1, 'ms'],
    ['filter_to_paint_p95_ms', 100, 100.1, 'ms'],
    ['scroll_long_tasks', 0, 1, 'count'],
    ['grid_dom_nodes_max', 400, 401, 'count'],
    ['initial_js_kb_gzip', 200, 200.1, 'kB'],
  ] as const)('%s: met at %d, missed at %d', (name, at, over, unit) => {
    const { met } = goal(name);
    expect(met({ [name]: fig(at, unit) })).toBe(true);
    expect(met({ [name]: fig(over, unit) })).toBe(false);
    expect(met({})).toBeNull();
  });

  it('memory_mb_after_scroll: <= 1000 MB and under the naive memory', () => {
    const { met } = goal('memory_mb_after_scroll');
    const judge = (value: number, naive: number) =>
      met({ memory_mb_after_scroll: fig(value, 'MB'), naive_memory_mb: fig(naive, 'MB') });
    expect(judge(1000, 1001)).toBe(true);
    expect(judge(1000, 1000)).toBe(false);
    expect(judge(1000.1, 5000)).toBe(false);
    expect(met({ memory_mb_after_scroll: fig(300, 'MB') })).toBeNull();
    expect(met({ naive_memory_mb: fig(5000, 'MB') })).toBeNull();
  });
});

describe('formatTable and markdownTable', () => {
  const result: BenchResult = {
    machine: 'Test box',
    images: 12400,
    runs: 5,
    figures: {
      first_screen_cold_ms: { value: 900, unit: 'ms', floor: 800, ratio: 1.125 },
      first_screen_warm_ms: { value: 300, unit: 'ms', floor: 200, ratio: 1.5 },
      header_scan_files_per_s: { value: 5400, unit: 'files/s', floor: 6000, ratio: 0.9 },
      thumbnails_per_s: { value: 500, unit: 'files/s', floor: 550, ratio: 0.909 },
      filter_p95_ms_12k: { value: 3.5, unit: 'ms' },
      filter_p95_ms_124k: { value: 41.2, unit: 'ms' },
      filter_to_paint_p95_ms: { value: 60, unit: 'ms' },
      scroll_long_tasks: { value: 2, unit: 'count' },
      grid_dom_nodes_max: { value: 350, unit: 'count' },
      memory_mb_after_scroll: { value: 700, unit: 'MB' },
      naive_first_screen_ms: { value: 4000, unit: 'ms' },
      naive_memory_mb: { value: 3000.5, unit: 'MB' },
    },
  };
  const names = [...GOALS.map((g) => g.name), 'naive_first_screen_ms', 'naive_memory_mb'];
  const lineOf = (text: string, name: string) =>
    text.split('\n').find((line) => line.includes(`${name} `)) ?? '';

  it('formatTable has a line per figure, MISSED where a goal is missed', () => {
    const text = formatTable(result);
    for (const name of names) expect(lineOf(text, name)).not.toBe('');
    expect(text).toContain('Test box');
    expect(lineOf(text, 'scroll_long_tasks')).toMatch(/ MISSED$/);
    expect(text.match(/MISSED/g)).toHaveLength(1);
    expect(lineOf(text, 'first_screen_cold_ms')).toMatch(/ met$/);
    expect(lineOf(text, 'header_scan_files_per_s')).toContain('5,400 files/s');
    expect(lineOf(text, 'header_scan_files_per_s')).toContain('6,000 files/s');
    expect(lineOf(text, 'header_scan_files_per_s')).toContain('0.900');
    // Not measured: its goal cannot be judged.
    expect(lineOf(text, 'initial_js_kb_gzip')).toMatch(/<= 200 kB +—$/);
    expect(lineOf(text, 'naive_memory_mb')).toContain('3,000.5 MB');
    expect(lineOf(text, 'naive_memory_mb')).toMatch(/— +—$/);
  });

  it('formatTable lines its columns up', () => {
    const lines = formatTable(result).split('\n');
    const header = lines.find((line) => line.startsWith('figure')) ?? '';
    const goalColumn = header.indexOf('goal');
    expect(goalColumn).toBeGreaterThan(0);
    expect(lineOf(lines.join('\n'), 'filter_p95_ms_12k').indexOf('<= 8 ms')).toBe(goalColumn);
    expect(lineOf(lines.join('\n'), 'grid_dom_nodes_max').indexOf('<= 400')).toBe(goalColumn);
  });

  it('markdownTable has a header, an alignment row and a row per figure', () => {
    const text = markdownTable(result);
    const rows = text.split('\n').filter((line) => line.startsWith('|'));
    expect(rows).toHaveLength(2 + names.length);
    expect(rows[0]).toMatch(/^\| figure \| value \| floor \| ratio \| goal \| status \|$/);
    expect(rows[1]).toMatch(/^\|( :?-+:? \|)+$/);
    for (const name of names) expect(rows.some((row) => row.startsWith(`| ${name} |`))).toBe(true);
    const scroll = rows.find((row) => row.startsWith('| scroll_long_tasks |')) ?? '';
    expect(scroll).toMatch(/\| MISSED \|$/);
    expect(text.match(/MISSED/g)).toHaveLength(1);
    const cold = rows.find((row) => row.startsWith('| first_screen_cold_ms |')) ?? '';
    expect(cold).toMatch(/\| met \|$/);
  });
});
