// A tiny levelled logger writing to stderr, so stdout stays clean for machine-readable output (exports, dry runs).
import type { LogLevel } from './config';

export interface Logger {
  debug(msg: string): void;
  info(msg: string): void;
  warn(msg: string): void;
  error(msg: string): void;
}

const ORDER: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 100 };

export function createLogger(level: LogLevel): Logger {
  const at = (l: Exclude<LogLevel, 'silent'>) => (msg: string) => {
    if (ORDER[l] >= ORDER[level]) process.stderr.write(`${l === 'info' ? '' : `[${l}] `}${msg}\n`);
  };
  return { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
}
