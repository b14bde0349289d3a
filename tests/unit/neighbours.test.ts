import { neighbours } from '../../src/core/neighbours.ts';

describe('neighbours', () => {
  const order = Uint32Array.from([7, 3, 9, 1]);

  it('finds the position and the ids before and after', () => {
    expect(neighbours(order, 9)).toEqual({ position: 2, previous: 3, next: 1 });
  });

  it('has no previous at the start and no next at the end', () => {
    expect(neighbours(order, 7)).toEqual({ position: 0, previous: null, next: 3 });
    expect(neighbours(order, 1)).toEqual({ position: 3, previous: 9, next: null });
  });

  it('steps from an id outside the order as if it sat just after the anchor', () => {
    expect(neighbours(order, 42, 3)).toEqual({ position: -1, previous: 3, next: 9 });
    expect(neighbours(order, 42, 1)).toEqual({ position: -1, previous: 1, next: null });
  });

  it('cannot step when neither the id nor the anchor is in the order', () => {
    expect(neighbours(order, 42, 43)).toEqual({ position: -1, previous: null, next: null });
    expect(neighbours(new Uint32Array(0), 0)).toEqual({ position: -1, previous: null, next: null });
  });
});
