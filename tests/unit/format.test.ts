import {
  formatBytes,
  formatCount,
  formatShare,
  formatSize,
  formatSpread,
} from '../../src/core/format.ts';

describe('formatCount', () => {
  it('groups thousands with commas', () => {
    expect(formatCount(0)).toBe('0');
    expect(formatCount(999)).toBe('999');
    expect(formatCount(12345)).toBe('12,345');
    expect(formatCount(1234567)).toBe('1,234,567');
  });
});

describe('formatShare', () => {
  it('writes a share in percent with at most one decimal', () => {
    expect(formatShare(1)).toBe('100%');
    expect(formatShare(0.975)).toBe('97.5%');
    expect(formatShare(1 / 3)).toBe('33.3%');
  });
});

describe('formatBytes', () => {
  it('picks the unit by size', () => {
    expect(formatBytes(512)).toBe('512 B');
    expect(formatBytes(170_400)).toBe('170.4 kB');
    expect(formatBytes(2_500_000)).toBe('2.5 MB');
  });
});

describe('formatSize', () => {
  it('joins width and height with the multiplication sign', () => {
    expect(formatSize(800, 600)).toBe('800×600');
  });
});

describe('formatSpread', () => {
  it('writes min – median – max with spaced en dashes', () => {
    expect(formatSpread({ min: 640, median: 800, max: 1144 })).toBe('640 – 800 – 1144');
  });
});
