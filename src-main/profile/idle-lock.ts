import { sessionContract } from '../../src-shared/domains/session/session.contract';
import type { EventHub } from '../ipc/events';
import type { ProfileService } from './profile.service';

const WARNING_SECONDS = 30;
const TICK_MS = 5_000;

/**
 * Locks the open profile after `minutes` without activity. Activity is any accepted call of a
 * locked-only operation plus `session.touch` (the renderer sends it on keyboard and pointer input).
 */
export class IdleLock {
  #minutes = 0;
  #lastActivity = 0;
  #warned = false;
  #timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly profiles: ProfileService,
    private readonly events: EventHub,
    private readonly now: () => number = Date.now,
  ) {}

  /** Starts (or re-arms) the timer with the profile's setting; 0 disables idle lock. */
  arm(minutes: number): void {
    this.#minutes = minutes;
    this.touch();
    if (this.#timer) return;
    this.#timer = setInterval(() => this.check(), TICK_MS);
    this.#timer.unref();
  }

  disarm(): void {
    if (this.#timer) clearInterval(this.#timer);
    this.#timer = null;
  }

  /** Records activity; returns when the idle lock would happen, or null when it is off. */
  touch(): string | null {
    this.#lastActivity = this.now();
    this.#warned = false;
    return this.#minutes > 0 ? new Date(this.#lastActivity + this.#minutes * 60_000).toISOString() : null;
  }

  /** One tick: warn shortly before the deadline, lock at it. Public for tests with an injected clock. */
  check(): void {
    if (!this.profiles.isUnlocked() || this.#minutes <= 0) return;
    const left = this.#lastActivity + this.#minutes * 60_000 - this.now();
    if (left <= 0) {
      this.profiles.lock('idle');
    } else if (left <= WARNING_SECONDS * 1000 && !this.#warned) {
      this.#warned = true;
      this.events.emit(sessionContract, 'autoLockWarning', { secondsLeft: Math.ceil(left / 1000) });
    }
  }
}
