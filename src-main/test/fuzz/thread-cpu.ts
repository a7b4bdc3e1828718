import { readFileSync, readlinkSync } from 'node:fs';

/**
 * CPU time of one thread from Linux /proc (utime + stime, 10 ms ticks), so the fuzz watchdog judges a case by the
 * work it did rather than by wall time, which a busy machine stretches many times over. NaN where /proc is missing.
 */
const TICK_MS = 10;

/** The calling thread's id (`/proc/thread-self` → `<pid>/task/<tid>`), or 0 without /proc. */
export function ownThreadId(): number {
  try {
    return Number(readlinkSync('/proc/thread-self').split('/').pop()) || 0;
  } catch {
    return 0;
  }
}

/** CPU milliseconds used so far by thread `tid` of this process (0 = the calling thread). */
export function threadCpuMs(tid = 0): number {
  try {
    const stat = readFileSync(tid ? `/proc/self/task/${tid}/stat` : '/proc/thread-self/stat', 'latin1');
    // Fields after the parenthesised command name: state is field 3, utime 14 and stime 15.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * TICK_MS;
  } catch {
    return Number.NaN;
  }
}
