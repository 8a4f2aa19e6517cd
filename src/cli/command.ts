/** A `cairn` sub-command: one file each under src/cli/commands/. Returns the process exit code. */
export type CliCommand = {
  name: string;
  summary: string;
  usage: string;
  run(argv: string[]): Promise<number>;
};
