// Process memory for the soak: resident set size of a process, from /proc (Linux).
import fs from 'node:fs';

/** RSS of `pid` in MiB, or undefined where /proc is not available. */
export function rssMiB(pid: number): number | undefined {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = /^VmRSS:\s+(\d+)\s+kB/m.exec(status)?.[1];
    return kb === undefined ? undefined : Math.round((Number(kb) / 1024) * 10) / 10;
  } catch {
    return undefined;
  }
}
