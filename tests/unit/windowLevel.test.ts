import fc from 'fast-check';
import {
  filterCss,
  FULL_RANGE,
  windowLevelSteps,
  type FilterStep,
} from '../../src/core/windowLevel.ts';

// What a browser does with the steps: each function, then a clamp to [0, 1].
function apply(steps: readonly FilterStep[], v: number): number {
  return steps.reduce((value, step) => {
    const out =
      step.name === 'brightness'
        ? value * step.value
        : step.name === 'contrast'
          ? (value - 0.5) * step.value + 0.5
          : 1 - value;
    return Math.min(1, Math.max(0, out));
  }, v);
}

// The window's definition: grey levels below it black, above it white, linear between.
function expected(window: number, level: number, v: number): number {
  const low = (level - window / 2) / 256;
  return Math.min(1, Math.max(0, (v - low) / (window / 256)));
}

describe('windowLevelSteps', () => {
  it('is no filter at all for the full range', () => {
    expect(windowLevelSteps(FULL_RANGE, false)).toEqual([]);
    expect(filterCss(windowLevelSteps(FULL_RANGE, false))).toBe('none');
  });

  it('inverts last', () => {
    expect(filterCss(windowLevelSteps(FULL_RANGE, true))).toBe('invert(1)');
    const steps = windowLevelSteps({ window: 100, level: 60 }, true);
    expect(steps.at(-1)).toEqual({ name: 'invert', value: 1 });
    expect(apply(steps, 0.1)).toBeCloseTo(1 - expected(100, 60, 0.1));
  });

  it('maps the window edges to black and white and its level to mid-grey', () => {
    const steps = windowLevelSteps({ window: 64, level: 96 }, false);
    expect(apply(steps, 64 / 256)).toBeCloseTo(0);
    expect(apply(steps, 96 / 256)).toBeCloseTo(0.5);
    expect(apply(steps, 128 / 256)).toBeCloseTo(1);
    expect(apply(steps, 0)).toBe(0);
    expect(apply(steps, 1)).toBe(1);
  });

  it('matches the window for every window and level, despite the clamp after each step', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 512 }),
        fc.integer({ min: 0, max: 256 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (window, level, v) => {
          const steps = windowLevelSteps({ window, level }, false);
          expect(apply(steps, v)).toBeCloseTo(expected(window, level, v), 6);
        },
      ),
    );
  });

  it('clamps values outside the slider ranges', () => {
    expect(windowLevelSteps({ window: 0, level: 500 }, false)).toEqual(
      windowLevelSteps({ window: 1, level: 256 }, false),
    );
  });
});

describe('filterCss', () => {
  it('writes the steps in order, rounded', () => {
    expect(
      filterCss([
        { name: 'brightness', value: 2 / 3 },
        { name: 'contrast', value: 1.5 },
      ]),
    ).toBe('brightness(0.6667) contrast(1.5)');
  });
});
