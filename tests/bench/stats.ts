// The benchmark's arithmetic and its report: medians, percentiles, figures against their floors,
// the goals of issue 5 and the tables that show them. Pure, so a unit test can check it.

export type Unit = 'ms' | 'files/s' | 'count' | 'MB' | 'kB';

export interface Figure {
  value: number;
  unit: Unit;
  /** What the same work costs without the app (a bare decode, a bare parse...), same unit. */
  floor?: number;
  /** value / floor. */
  ratio?: number;
}

export interface BenchResult {
  machine: string;
  images: number;
  runs: number;
  figures: Record<string, Figure>;
}

export interface Goal {
  readonly name: string;
  /** For people, e.g. `ratio <= 1.5, < naive / 2`. */
  readonly goal: string;
  /** Whether `figures` meet the goal; null when a figure (or ratio) it needs is missing. */
  readonly met: (figures: Record<string, Figure>) => boolean | null;
}

/** Decimals kept per unit: tenths where they mean something, whole numbers otherwise. */
const DECIMALS: Readonly<Record<Unit, number>> = {
  ms: 1,
  MB: 1,
  kB: 1,
  count: 0,
  'files/s': 0,
};

/**
 * The median of `values`, in any order: the middle value, or the mean of the two middle values
 * for an even count. Throws a RangeError when `values` is empty.
 */
export function median(values: readonly number[]): number {
  const sorted = sortedCopy(values, 'median');
  const middle = Math.floor(sorted.length / 2);
  const upper = sorted[middle] ?? NaN;
  return sorted.length % 2 === 1 ? upper : ((sorted[middle - 1] ?? NaN) + upper) / 2;
}

/**
 * The nearest-rank `p`th percentile of `values`, in any order: the smallest value with at least
 * p% of the values at or below it. Throws a RangeError when `values` is empty or `p` is outside
 * (0, 100].
 */
export function percentile(values: readonly number[], p: number): number {
  if (!(p > 0 && p <= 100)) throw new RangeError(`percentile: p must be in (0, 100], not ${p}`);
  const sorted = sortedCopy(values, 'percentile');
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[rank - 1] ?? NaN;
}

/** The nearest-rank 95th percentile of `values`; throws a RangeError when they are empty. */
export const p95 = (values: readonly number[]): number => percentile(values, 95);

/**
 * A figure from repeated measurements: the median of `values`, rounded for its unit, and when
 * `floors` are given, the median of the floors and the ratio of the two medians (3 decimals).
 * Without floors, or with a zero floor, the figure has no `ratio` key (nor a `floor` key without
 * floors). Throws a RangeError when `values`, or `floors` when given, are empty.
 */
export function figure(values: readonly number[], unit: Unit, floors?: readonly number[]): Figure {
  const value = median(values);
  const result: Figure = { value: round(value, DECIMALS[unit]), unit };
  if (floors === undefined) return result;

  const floor = median(floors);
  result.floor = round(floor, DECIMALS[unit]);
  // A ratio to nothing says nothing; the goals that need one then report it missing.
  if (floor !== 0) result.ratio = round(value / floor, 3);
  return result;
}

/** The goals of issue 5, in report order; naive_* figures are reported without a goal. */
export const GOALS: readonly Goal[] = [
  {
    name: 'first_screen_cold_ms',
    goal: 'ratio <= 1.5, < naive / 2',
    met: (figures) =>
      both(
        ratioIs(figures, 'first_screen_cold_ms', (r) => r <= 1.5),
        compare(figures, 'first_screen_cold_ms', 'naive_first_screen_ms', (a, b) => a < b / 2),
      ),
  },
  {
    name: 'first_screen_warm_ms',
    goal: 'ratio <= 2',
    met: (figures) => ratioIs(figures, 'first_screen_warm_ms', (r) => r <= 2),
  },
  {
    name: 'header_scan_files_per_s',
    goal: 'ratio >= 0.9',
    met: (figures) => ratioIs(figures, 'header_scan_files_per_s', (r) => r >= 0.9),
  },
  {
    name: 'thumbnails_per_s',
    goal: 'ratio >= 0.85',
    met: (figures) => ratioIs(figures, 'thumbnails_per_s', (r) => r >= 0.85),
  },
  {
    name: 'filter_p95_ms_12k',
    goal: '<= 8 ms',
    met: (figures) => valueIs(figures, 'filter_p95_ms_12k', (v) => v <= 8),
  },
  {
    name: 'filter_p95_ms_124k',
    goal: '<= 60 ms',
    met: (figures) => valueIs(figures, 'filter_p95_ms_124k', (v) => v <= 60),
  },
  {
    name: 'filter_to_paint_p95_ms',
    goal: '<= 100 ms',
    met: (figures) => valueIs(figures, 'filter_to_paint_p95_ms', (v) => v <= 100),
  },
  {
    name: 'scroll_long_tasks',
    goal: '= 0',
    met: (figures) => valueIs(figures, 'scroll_long_tasks', (v) => v === 0),
  },
  {
    name: 'grid_dom_nodes_max',
    goal: '<= 400',
    met: (figures) => valueIs(figures, 'grid_dom_nodes_max', (v) => v <= 400),
  },
  {
    name: 'memory_mb_after_scroll',
    goal: '<= 1000 MB, < naive',
    met: (figures) =>
      both(
        valueIs(figures, 'memory_mb_after_scroll', (v) => v <= 1000),
        compare(figures, 'memory_mb_after_scroll', 'naive_memory_mb', (a, b) => a < b),
      ),
  },
  {
    name: 'initial_js_kb_gzip',
    goal: '<= 200 kB',
    met: (figures) => valueIs(figures, 'initial_js_kb_gzip', (v) => v <= 200),
  },
];

const HEADERS = ['figure', 'value', 'floor', 'ratio', 'goal', 'status'] as const;

/** Columns aligned to the right: the numbers. */
const NUMERIC: ReadonlySet<number> = new Set([1, 2, 3]);

/**
 * `result` as a fixed-width text table, one line per goal (in GOALS order, `—` for a figure not
 * measured) and then per other figure: name, value and unit, floor, ratio, goal, and `met`,
 * `MISSED` or `—` (no goal, or a figure it needs is missing). Headed by the machine, the image
 * count and the number of runs. Never throws.
 */
export function formatTable(result: BenchResult): string {
  const rows = [[...HEADERS], ...tableRows(result)];
  const widths = HEADERS.map((_, column) =>
    Math.max(...rows.map((row) => (row[column] ?? '').length)),
  );
  const line = (row: readonly string[]) =>
    row
      .map((cell, column) => {
        const width = widths[column] ?? 0;
        return NUMERIC.has(column) ? cell.padStart(width) : cell.padEnd(width);
      })
      .join('  ')
      .trimEnd();
  const [header = [], ...body] = rows;
  const rule = widths.map((width) => '-'.repeat(width)).join('  ');
  return [caption(result), '', line(header), rule, ...body.map(line)].join('\n');
}

/**
 * The same report as `formatTable`, as a caption line and a Markdown table (for BENCHMARKS.md).
 * Never throws.
 */
export function markdownTable(result: BenchResult): string {
  const cells = (row: readonly string[]) =>
    `| ${row.map((cell) => cell.replaceAll('|', '\\|')).join(' | ')} |`;
  const align = HEADERS.map((_, column) => (NUMERIC.has(column) ? '--:' : '---'));
  const body = tableRows(result).map(cells);
  return [caption(result), '', cells(HEADERS), cells(align), ...body].join('\n');
}

function sortedCopy(values: readonly number[], what: string): number[] {
  if (values.length === 0) throw new RangeError(`${what} of no values`);
  return [...values].sort((a, b) => a - b);
}

function round(value: number, decimals: number): number {
  const scale = 10 ** decimals;
  return Math.round(value * scale) / scale;
}

/** Both parts met; null when either cannot tell, since a figure it needs is missing. */
function both(a: boolean | null, b: boolean | null): boolean | null {
  return a === null || b === null ? null : a && b;
}

function valueIs(
  figures: Record<string, Figure>,
  name: string,
  test: (value: number) => boolean,
): boolean | null {
  const found = figures[name];
  return found ? test(found.value) : null;
}

function ratioIs(
  figures: Record<string, Figure>,
  name: string,
  test: (ratio: number) => boolean,
): boolean | null {
  const ratio = figures[name]?.ratio;
  return ratio === undefined ? null : test(ratio);
}

function compare(
  figures: Record<string, Figure>,
  name: string,
  other: string,
  test: (value: number, otherValue: number) => boolean,
): boolean | null {
  const a = figures[name];
  const b = figures[other];
  return a && b ? test(a.value, b.value) : null;
}

function caption(result: BenchResult): string {
  const runs = result.runs === 1 ? '1 run' : `median of ${result.runs} runs`;
  return `${result.machine} · ${grouped(String(result.images))} images · ${runs}`;
}

function tableRows(result: BenchResult): string[][] {
  const { figures } = result;
  const goalRows = GOALS.map(({ name, goal, met }) => {
    const found = figures[name];
    const status = met(figures);
    const text = status === null ? '—' : status ? 'met' : 'MISSED';
    return found ? [...figureCells(name, found), goal, text] : [name, '—', '—', '—', goal, text];
  });
  const others = Object.entries(figures)
    .filter(([name]) => !GOALS.some((goal) => goal.name === name))
    .map(([name, found]) => [...figureCells(name, found), '—', '—']);
  return [...goalRows, ...others];
}

function figureCells(name: string, found: Figure): string[] {
  const floor = found.floor === undefined ? '—' : withUnit(found.floor, found.unit);
  const ratio = found.ratio === undefined ? '—' : found.ratio.toFixed(3);
  return [name, withUnit(found.value, found.unit), floor, ratio];
}

/** `1,234.5 ms`; counts go without a unit, which would only repeat the figure's name. */
function withUnit(value: number, unit: Unit): string {
  const text = grouped(value.toFixed(DECIMALS[unit]));
  return unit === 'count' ? text : `${text} ${unit}`;
}

/** Thousands separated by commas, whatever the locale. */
function grouped(number: string): string {
  const [whole = '', fraction] = number.split('.');
  const digits = whole.replace(/\B(?=(\d{3})+$)/g, ',');
  return fraction === undefined ? digits : `${digits}.${fraction}`;
}
