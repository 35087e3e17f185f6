import { indexCommand } from './index-command.js';
import { explainCommand } from './explain.js';
import { rulesCommand } from './rules-command.js';
import { initCommand } from './init.js';

export interface CommandIo {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
}

/** A command other than `check`: parses its own arguments, returns the exit code. */
export type Command = (argv: string[], io: CommandIo) => Promise<number>;

export const SUBCOMMANDS: Record<string, Command> = {
  index: indexCommand,
  explain: explainCommand,
  rules: rulesCommand,
  init: initCommand,
};
