import { describe, expect, it } from 'vitest';
import { forgetFolds, knownFolds, normalize, rememberFolds } from '../../src/util/normalize.js';

describe('folds made ahead (the build hands its folds of the rules to every run)', () => {
  it('uses a table made by the same folding code', () => {
    forgetFolds();
    expect(normalize('溫室氣體')).toBe('温室气体');
    const table = knownFolds();
    expect(table.folds).toContainEqual(['溫室氣體', '温室气体']);
    forgetFolds();
    // A marker value shows that the remembered fold, not a new one, is returned.
    rememberFolds({ folding: table.folding, folds: [['排放總量', 'remembered']] });
    expect(normalize('排放總量')).toBe('remembered');
    forgetFolds();
  });

  it('ignores a table made by other folding code', () => {
    forgetFolds();
    rememberFolds({ folding: 'other code', folds: [['排放總量', 'stale']] });
    expect(normalize('排放總量')).toBe('排放总量');
    forgetFolds();
  });
});
