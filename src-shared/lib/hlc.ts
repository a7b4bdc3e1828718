/**
 * Hybrid logical clock versions (Kulkarni et al., "Logical Physical Clocks", 2014), as sortable text:
 * `<ms since epoch, 13 digits>-<counter, 4 hex digits>-<device id>`. Comparing two versions as strings
 * orders them by time, then counter, then device, so every write of every device gets a total order that
 * never runs backwards, even when a computer's clock does.
 */
export interface Hlc {
  ms: number;
  counter: number;
  device: string;
}

const MAX_COUNTER = 0xffff;
const PATTERN = /^(\d{13})-([0-9a-f]{4})-([0-9a-z]{1,64})$/;

export function formatHlc(h: Hlc): string {
  return `${String(h.ms).padStart(13, '0')}-${h.counter.toString(16).padStart(4, '0')}-${h.device}`;
}

export function parseHlc(text: string): Hlc | null {
  const m = PATTERN.exec(text);
  return m ? { ms: Number(m[1]), counter: parseInt(m[2]!, 16), device: m[3]! } : null;
}

/**
 * The next version for a local event: wall time if it moved forward, otherwise the last version's time
 * with the counter raised. `last` is '' before the first write.
 */
export function nextHlc(last: string, nowMs: number, device: string): string {
  const prev = parseHlc(last);
  if (!prev || nowMs > prev.ms) return formatHlc({ ms: nowMs, counter: 0, device });
  if (prev.counter < MAX_COUNTER) return formatHlc({ ms: prev.ms, counter: prev.counter + 1, device });
  // 65,536 writes in one millisecond of a stalled clock: borrow the next millisecond rather than repeat.
  return formatHlc({ ms: prev.ms + 1, counter: 0, device });
}

/** The version after receiving `remote` (for sync): later than both the local last version and the remote one. */
export function receiveHlc(last: string, remote: string, nowMs: number, device: string): string {
  const r = parseHlc(remote);
  if (!r) return nextHlc(last, nowMs, device);
  const l = parseHlc(last);
  const maxMs = Math.max(nowMs, r.ms, l?.ms ?? 0);
  let counter = 0;
  if (maxMs === r.ms && l && maxMs === l.ms) counter = Math.max(r.counter, l.counter) + 1;
  else if (maxMs === r.ms) counter = r.counter + 1;
  else if (l && maxMs === l.ms) counter = l.counter + 1;
  return counter > MAX_COUNTER ? formatHlc({ ms: maxMs + 1, counter: 0, device }) : formatHlc({ ms: maxMs, counter, device });
}
