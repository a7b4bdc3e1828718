import { Copy, KeyRound } from 'lucide-react';
import { useEffect, useState } from 'react';
import { describeError } from '../../../lib/errors';
import { cx } from '../../../ui/cx';
import { isCancelled, REVEAL_MS, useVaultStore, type TotpCode } from '../vault.store';
import { FieldRow, IconAction } from './FieldRow';

const RADIUS = 8;
const CIRCUMFERENCE = 2 * Math.PI * RADIUS;

/**
 * The seconds left of the current code as a shrinking ring. Drawn with SVG presentation attributes
 * (no inline style), so it passes the strict CSP.
 */
export function CountdownRing({ seconds, period }: { seconds: number; period: number }) {
  const fraction = period > 0 ? Math.min(1, Math.max(0, seconds / period)) : 0;
  const urgent = seconds <= 5;
  return (
    <span className="relative inline-flex size-6 items-center justify-center" role="timer" aria-label={`${seconds} seconds left`}>
      <svg viewBox="0 0 20 20" className="size-6 -rotate-90" aria-hidden>
        <circle cx="10" cy="10" r={RADIUS} fill="none" strokeWidth="2" className="stroke-line" />
        <circle
          cx="10"
          cy="10"
          r={RADIUS}
          fill="none"
          strokeWidth="2"
          strokeLinecap="round"
          strokeDasharray={CIRCUMFERENCE}
          strokeDashoffset={CIRCUMFERENCE * (1 - fraction)}
          className={cx('transition-[stroke-dashoffset] duration-1000 ease-linear', urgent ? 'stroke-danger' : 'stroke-accent')}
        />
      </svg>
      <span className={cx('absolute text-[9px] font-semibold tabular-nums', urgent ? 'text-danger' : 'text-muted')}>{seconds}</span>
    </span>
  );
}

/** "123 456" / "1234 5678": easier to read aloud and to type. */
export const formatCode = (code: string): string => {
  if (code.length < 6) return code;
  const half = Math.ceil(code.length / 2);
  return `${code.slice(0, half)} ${code.slice(half)}`;
};

/**
 * The current one-time code from main (the seed never reaches the renderer), refreshed at each
 * rollover, with a local one-second countdown in between.
 */
export function TotpRow({ itemId, copyShortcut }: { itemId: string; copyShortcut?: string }) {
  const totp = useVaultStore((s) => s.totp);
  const copy = useVaultStore((s) => s.copy);
  const notify = useVaultStore((s) => s.notify);
  const revealTotpSeed = useVaultStore((s) => s.revealTotpSeed);
  /** The setup key, shown for a while after the master password (main asks for it every time). */
  const [seed, setSeed] = useState<{ secret: string; until: number } | null>(null);
  const [state, setState] = useState<{ code: TotpCode; expiresAt: number } | { error: string } | null>(null);
  const [now, setNow] = useState(() => Date.now());
  // A new code is due at first and at each rollover; the parent keys this row by item id.
  const due = state === null || ('code' in state && now >= state.expiresAt);

  useEffect(() => {
    const tick = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(tick);
  }, []);

  // Ask again right at the rollover rather than at the next one-second tick.
  const expiresAt = state && 'code' in state ? state.expiresAt : null;
  useEffect(() => {
    if (expiresAt === null) return;
    const rollover = setTimeout(() => setNow(Date.now()), Math.max(0, expiresAt - Date.now()));
    return () => clearTimeout(rollover);
  }, [expiresAt]);

  useEffect(() => {
    if (!due) return;
    let cancelled = false;
    totp(itemId).then(
      // At least one second, so a code fetched right at the rollover cannot ask again at once.
      (code) => !cancelled && setState({ code, expiresAt: Date.now() + Math.max(1, code.secondsRemaining) * 1000 }),
      (err: unknown) => !cancelled && setState({ error: describeError(err) }),
    );
    return () => {
      cancelled = true;
    };
  }, [due, itemId, totp]);

  const onShowSeed = () =>
    void revealTotpSeed(itemId).then(
      ({ secret }) => setSeed({ secret, until: Date.now() + REVEAL_MS }),
      (err: unknown) => {
        if (!isCancelled(err)) notify(describeError(err), 'danger');
      },
    );
  const shownSeed = seed && now < seed.until ? seed.secret : null;

  const onCopy = () =>
    void copy(itemId, 'totpSecret', 'Code copied').catch((err: unknown) => {
      if (!isCancelled(err)) notify(describeError(err), 'danger');
    });

  if (state && 'error' in state) {
    return (
      <FieldRow label="One-time code">
        <span className="text-[13px] text-danger">{state.error}</span>
      </FieldRow>
    );
  }
  const seconds = state ? Math.max(0, Math.ceil((state.expiresAt - now) / 1000)) : 0;
  return (
    <FieldRow
      label="One-time code"
      testId="totp-row"
      actions={
        <>
          <IconAction icon={KeyRound} label="Show setup key (asks for your master password)" onClick={onShowSeed} testId="totp-show-seed" />
          <IconAction icon={Copy} label="Copy one-time code" shortcut={copyShortcut} onClick={onCopy} />
        </>
      }
    >
      {state ? (
        <span className="flex items-center gap-2.5">
          <span data-testid="totp-code" data-code={state.code.code} className="font-mono text-[17px] font-medium tracking-wider text-text tabular-nums">
            {formatCode(state.code.code)}
          </span>
          <CountdownRing seconds={seconds} period={state.code.period} />
        </span>
      ) : (
        <span className="font-mono text-muted">••• •••</span>
      )}
      {shownSeed ? (
        <span className="mt-1 block font-mono text-xs break-all text-muted" data-testid="totp-seed">
          Setup key: {shownSeed.replace(/(.{4})/g, '$1 ').trim()}
        </span>
      ) : null}
    </FieldRow>
  );
}
