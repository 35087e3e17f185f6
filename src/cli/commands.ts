
export interface CommandIo {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
}

/** A command other than `check`: parses its own arguments, returns the exit code. */
export type Command = (argv: string[], io: CommandIo) => Promise<number>;

// Each command's module (and its libraries: exceljs, csv-stringify…) loads only when it runs.
export const SUBCOMMANDS: Record<string, Command> = {
  index: async (argv, io) => (await import('./index-command.js')).indexCommand(argv, io),
  explain: async (argv, io) => (await import('./explain.js')).explainCommand(argv, io),
  rules: async (argv, io) => (await import('./rules-command.js')).rulesCommand(argv, io),
  init: async (argv, io) => (await import('./init.js')).initCommand(argv, io),
};
