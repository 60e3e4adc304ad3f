// The shape every `npm run` command shares: commander for options and `--help`, one set of exit codes, a progress
// bar only on a terminal, and an exit only once stdout and stderr are flushed.
import { Command, CommanderError, InvalidArgumentError } from 'commander';
import { SingleBar, Presets } from 'cli-progress';
import { exitWhenFlushed } from './runMain';

/** 0 done, 1 invalid input (a readout, a file, an id), 2 usage (unknown option, missing argument). */
export const EXIT = { ok: 0, invalidInput: 1, usage: 2 } as const;

/**
 * A command whose usage errors print the message and the usage, then exit 2; `--help` prints the usage and exits 0.
 * `npmName` is what a person types, e.g. `npm run load --`, so the usage line can be pasted.
 */
export function newCommand(npmName: string, description: string): Command {
  return new Command(npmName)
    .description(description)
    .showHelpAfterError()
    .allowExcessArguments(false)
    .exitOverride();
}

/** For rules commander cannot express (e.g. paths or --seed): prints the message and the usage; returns 2. */
export function usageError(program: Command, message: string): number {
  process.stderr.write(`error: ${message}\n\n${program.helpInformation()}`);
  return EXIT.usage;
}

/** An option parser for a positive integer; anything else is a usage error naming the option. */
export function positiveInt(value: string): number {
  if (!/^[1-9]\d*$/.test(value.trim())) throw new InvalidArgumentError('expected a positive integer.');
  return Number(value);
}

/** An option parser for a comma-separated list (blank items dropped). */
export function commaList(value: string): string[] {
  return value
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

/**
 * Parses argv. On `--help` or a usage error, commander has printed what it should; the process then exits with the
 * shared code and this returns false. For commands that keep running (a server), where `runCommand` does not fit.
 */
export function parseCommand(program: Command, argv = process.argv): boolean {
  try {
    program.parse(argv);
    return true;
  } catch (e) {
    if (e instanceof CommanderError) {
      const helpShown = e.code === 'commander.helpDisplayed' || e.code === 'commander.help';
      exitWhenFlushed(helpShown || e.code === 'commander.version' ? EXIT.ok : EXIT.usage);
      return false;
    }
    throw e;
  }
}

/** Parses argv and runs the action; exits with its code, or with 1 after printing its error's message. */
export function runCommand(program: Command, run: () => Promise<number>, argv = process.argv): void {
  if (!parseCommand(program, argv)) return;
  run().then(exitWhenFlushed, (e: unknown) => {
    process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
    exitWhenFlushed(EXIT.invalidInput);
  });
}

/** A progress bar on stderr when it is a terminal (and there is more than one step); silent otherwise. */
export function progressBar(
  total: number,
  label: string,
): { update(done: number, item?: string): void; stop(): void } {
  if (!process.stderr.isTTY || total < 2) return { update: () => undefined, stop: () => undefined };
  const bar = new SingleBar(
    { format: `${label} [{bar}] {value}/{total} {item}`, stream: process.stderr, hideCursor: true },
    Presets.legacy,
  );
  bar.start(total, 0, { item: '' });
  return {
    update: (done, item = '') => bar.update(done, { item: item.slice(-40) }),
    stop: () => bar.stop(),
  };
}
