// The end of a command-line script: exit with main's code once stdout and stderr have been handed to the OS.
// process.exit right after a large write to a pipe drops its tail (e.g. the summary after 10,000 progress lines).

export function exitWhenFlushed(code: number): void {
  process.stdout.write('', () => process.stderr.write('', () => process.exit(code)));
}

/** Runs main; exits with its code, or prints its error's message and exits with 1. */
export function runMain(main: () => Promise<number>): void {
  main().then(exitWhenFlushed, (e: unknown) => {
    process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
    exitWhenFlushed(1);
  });
}
