// Levelled logging through pino, always to stderr so stdout stays clean for machine-readable output (exports, dry
// runs). On a terminal the lines are pretty-printed for a person; anywhere else (a service, a container, a pipe)
// they are one JSON object per line for a log collector.
import pino from 'pino';
import pretty from 'pino-pretty';
import type { LogLevel } from './config';

export interface Logger {
  debug(msg: string): void;
  info(msg: string): void;
  warn(msg: string): void;
  error(msg: string): void;
  /** One structured line: `fields` become JSON keys next to `msg` (request logs, metrics-worthy events). */
  event(fields: Record<string, unknown>, msg: string): void;
}

/** Where lines go: stderr by default; tests pass a stream of their own to read the lines back. */
export interface LogDestination {
  write(line: string): void;
}

function destinationFor(out: LogDestination | undefined): pino.DestinationStream {
  if (out !== undefined) return out;
  // Synchronous, so a line written just before process.exit() is never lost.
  if (process.stderr.isTTY) return pretty({ destination: 2, sync: true, colorize: true });
  return pino.destination({ dest: 2, sync: true });
}

export function createLogger(level: LogLevel, out?: LogDestination): Logger {
  const p = pino({ level, base: undefined }, destinationFor(out));
  return {
    debug: (msg) => p.debug(msg),
    info: (msg) => p.info(msg),
    warn: (msg) => p.warn(msg),
    error: (msg) => p.error(msg),
    event: (fields, msg) => p.info(fields, msg),
  };
}
