// Code the benchmark runs inside the pages it measures. It is kept as source text: functions
// handed to Playwright are serialised with toString(), and the TypeScript loader's helpers would
// not exist on the page.

/** Where the probe finds the tiles of a grid and the box they scroll in. */
export interface TileLayout {
  /** Selector of one tile. */
  readonly tile: string;
  /** Selector of the scrolling box; null: the document scrolls. */
  readonly scroller: string | null;
}

export const APP_TILES: TileLayout = { tile: '[role="gridcell"]', scroller: '[role="grid"]' };
export const NAIVE_TILES: TileLayout = { tile: '.tile', scroller: null };

/** What the probe saw of the first screen, in ms from the folder input's `change` event. */
export interface FirstScreen {
  readonly ms: number;
  /** The accessible names (file names) of the tiles on that screen. */
  readonly names: readonly string[];
}

/**
 * An init script: on the first `change` event (capture phase, before any handler of the page)
 * it notes the time, then checks every animation frame whether every tile inside the scrolling
 * box shows a loaded image (or a canvas marked drawn); the first frame where one does is the
 * first screen drawn.
 */
export function firstScreenProbe(layout: TileLayout): string {
  return `(() => {
  const layout = ${JSON.stringify(layout)};
  const probe = { changeAt: null, firstScreen: null };
  window.__probe = probe;
  const box = () => {
    if (layout.scroller === null) return { top: 0, bottom: innerHeight, left: 0, right: innerWidth };
    const el = document.querySelector(layout.scroller);
    return el ? el.getBoundingClientRect() : null;
  };
  const check = () => {
    const area = box();
    if (area !== null && area.bottom > area.top) {
      const shown = [];
      for (const tile of document.querySelectorAll(layout.tile)) {
        const r = tile.getBoundingClientRect();
        if (r.bottom <= area.top || r.top >= area.bottom || r.right <= area.left || r.left >= area.right) continue;
        shown.push(tile);
      }
      // The naive page's tiles are images; the app's are canvases it marks once drawn.
      const drawn = (tile) => {
        const img = tile.querySelector('img');
        if (img !== null) return img.complete && img.naturalWidth > 0;
        const canvas = tile.querySelector('canvas');
        return canvas !== null && canvas.dataset.drawn !== undefined;
      };
      if (shown.length > 0 && shown.every(drawn)) {
        probe.firstScreen = {
          ms: performance.now() - probe.changeAt,
          names: shown.map((tile) => tile.getAttribute('aria-label') || tile.querySelector('img')?.dataset.name || ''),
        };
        return;
      }
    }
    requestAnimationFrame(check);
  };
  addEventListener('change', () => {
    if (probe.changeAt !== null) return;
    probe.changeAt = performance.now();
    requestAnimationFrame(check);
  }, true);
})();`;
}

/** An expression: the marks the app set, by name, in ms from the `change` event. */
export const READ_MARKS = `(() => {
  const out = {};
  for (const entry of performance.getEntriesByType('mark')) {
    if (!entry.name.startsWith('planescope:')) continue;
    out[entry.name] = { at: entry.startTime - window.__probe.changeAt, count: entry.detail?.count ?? null };
  }
  return out;
})()`;

/**
 * An expression: every `planescope:audited` mark in the order they were set (READ_MARKS keeps
 * only the last), as `{ at, count }` in ms from the `change` event; `count` is the images whose
 * hashes that audit compared.
 */
export const READ_AUDITS = `performance.getEntriesByName('planescope:audited', 'mark').map(
  (entry) => ({ at: entry.startTime - window.__probe.changeAt, count: entry.detail?.count ?? null }),
)`;

/**
 * An expression: clicks the checkboxes of the facet whose legend starts with \`legend\`, each on
 * then off, \`clicks\` times in all, and measures each click until the status line has changed
 * and the next frame has been produced. Resolves to the durations in ms.
 */
export function filterToPaint(legend: string, clicks: number): string {
  return `(async () => {
  const set = [...document.querySelectorAll('fieldset')].find((f) =>
    (f.querySelector('legend')?.textContent ?? '').trim().startsWith(${JSON.stringify(legend)}));
  const boxes = [...set.querySelectorAll('input[type="checkbox"]')];
  const status = document.querySelector('[role="status"]');
  const frame = () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
  const durations = [];
  for (let i = 0; i < ${clicks}; i++) {
    const box = boxes[Math.floor(i / 2) % boxes.length];
    const before = status.textContent;
    await frame();
    const start = performance.now();
    box.click();
    while (status.textContent === before) await new Promise((resolve) => setTimeout(resolve, 0));
    await frame();
    durations.push(performance.now() - start);
  }
  return durations;
})()`;
}

/** What scrolling a grid from top to bottom cost. */
export interface ScrollResult {
  readonly frames: number;
  readonly longTasks: number;
  readonly longestTaskMs: number;
  readonly maxTiles: number;
}

/**
 * An expression: scrolls the layout's box from the top to the bottom, \`step\` px per animation
 * frame, counting long tasks (over 50 ms) and the most tiles in the DOM at any frame.
 */
export function scrollThrough(layout: TileLayout, step: number): string {
  return `(async () => {
  const layout = ${JSON.stringify(layout)};
  const el = layout.scroller === null ? document.scrollingElement : document.querySelector(layout.scroller);
  const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
  el.scrollTop = 0;
  for (let i = 0; i < 10; i++) await frame();
  const tasks = [];
  const observer = new PerformanceObserver((list) => tasks.push(...list.getEntries()));
  observer.observe({ type: 'longtask' });
  let frames = 0;
  let maxTiles = document.querySelectorAll(layout.tile).length;
  while (el.scrollTop + el.clientHeight < el.scrollHeight - 1) {
    el.scrollTop += ${step};
    await frame();
    frames++;
    maxTiles = Math.max(maxTiles, document.querySelectorAll(layout.tile).length);
  }
  for (let i = 0; i < 30; i++) await frame();
  await new Promise((resolve) => setTimeout(resolve, 500));
  observer.disconnect();
  return {
    frames,
    longTasks: tasks.length,
    longestTaskMs: tasks.reduce((max, task) => Math.max(max, task.duration), 0),
    maxTiles,
  };
})()`;
}
