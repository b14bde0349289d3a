import { DATASET_LABEL } from '../../src/core/types.ts';

describe('DATASET_LABEL', () => {
  it('writes the dataset names as the user sees them', () => {
    expect(DATASET_LABEL.fetal).toBe('FETAL_PLANES_DB');
    expect(DATASET_LABEL.african).toBe('African planes');
  });
});
