import { setFlagsFromString } from 'node:v8';

/**
 * How much bytecode a function runs before V8 compiles it with its optimizing compiler: fifteen
 * times V8's default (66 KB). A check runs hundreds of functions a few hundred times each; with
 * the default, V8 optimized nearly a thousand of them over a batch of 200 fixture reports (many
 * again after a deoptimization) and the compiler took a third of the run's CPU. With this budget
 * only the really hot code is optimized (a quarter as many functions): measured on 2 cores, the
 * batch used 7.4–8.7 s of CPU instead of 9.4–12.1 s and finished sooner on 1 and on 2 workers; a
 * single report takes the same wall time for a quarter less CPU (see bench/).
 */
export const INTERRUPT_BUDGET = 1_000_000;

const FLAG = '--interrupt-budget';

/**
 * Sets the budget for the whole process (worker threads read the same flag), unless the user set
 * it on Node's command line or in NODE_OPTIONS. Called by the CLI before any check code runs;
 * the library leaves V8 as its host configured it.
 */
export function optimizeOnlyHotCode(execArgv: readonly string[] = process.execArgv, nodeOptions = process.env.NODE_OPTIONS ?? ''): void {
  // V8 reads '_' and '-' in flag names alike.
  const given = [...execArgv, ...nodeOptions.split(/\s+/)]
    .map((arg) => arg.split('=')[0].replace(/_/g, '-'))
    .some((name) => name === FLAG);
  if (!given) setFlagsFromString(`${FLAG}=${INTERRUPT_BUDGET}`);
}
