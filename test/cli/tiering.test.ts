import { beforeEach, describe, expect, it, vi } from 'vitest';

const setFlags = vi.fn();
vi.mock('node:v8', async (importOriginal) => ({ ...(await importOriginal<typeof import('node:v8')>()), setFlagsFromString: setFlags }));
const { INTERRUPT_BUDGET, optimizeOnlyHotCode } = await import('../../src/cli/tiering.js');

beforeEach(() => setFlags.mockClear());

describe('optimizing only hot code', () => {
  it('raises V8 interrupt budget above its default of 66 KB of bytecode', () => {
    optimizeOnlyHotCode([], '');
    expect(setFlags).toHaveBeenCalledWith(`--interrupt-budget=${INTERRUPT_BUDGET}`);
    expect(INTERRUPT_BUDGET).toBeGreaterThan(67_584);
  });

  it('keeps a budget the user gave on the command line or in NODE_OPTIONS', () => {
    optimizeOnlyHotCode(['--interrupt-budget=5000'], '');
    optimizeOnlyHotCode(['--interrupt_budget', '5000'], '');
    optimizeOnlyHotCode([], '--max-old-space-size=4096 --interrupt-budget=5000');
    expect(setFlags).not.toHaveBeenCalled();
  });

  it('is not fooled by other flags that share a prefix', () => {
    optimizeOnlyHotCode(['--interrupt-budget-for-feedback-allocation=100'], '');
    optimizeOnlyHotCode([], '--interrupt_budget_factor_for_feedback_allocation=8');
    expect(setFlags).toHaveBeenCalledTimes(2);
  });
});
