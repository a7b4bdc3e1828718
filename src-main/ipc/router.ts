import type { z } from 'zod';
import { channelOf, type CallContext, type Contract, type ServiceOf } from '../../src-shared/ipc/define';
import { AppError, type AppErrorData, type AppErrorIssue, type Result } from '../../src-shared/ipc/result';
import { log } from '../lib/log';

interface Route {
  channel: string;
  input: z.ZodType;
  output: z.ZodType;
  public: boolean;
  summary: string;
  handler: (input: unknown, ctx: CallContext) => unknown;
}

export interface RouterOptions {
  /** The `unlocked` guard: true while a profile is open. */
  isUnlocked: () => boolean;
  /** Parse every output against its schema (strips undeclared fields; a mismatch is INTERNAL). */
  validateOutput?: boolean;
  /** Called for every accepted call of a non-public op (pushes the idle lock back). */
  onActivity?: () => void;
}

export interface Router {
  register<C extends Contract>(contract: C, impl: ServiceOf<C>): void;
  /** Registers the contract's routes now and loads the handlers on the first call (lazy domain loading). */
  registerLazy<C extends Contract>(contract: C, load: () => Promise<ServiceOf<C>>): void;
  /** The one entry point for every transport. Never throws; always resolves to a Result. */
  dispatch(channel: string, input: unknown, ctx: CallContext): Promise<Result<unknown>>;
  channels(): string[];
  has(channel: string): boolean;
}

export function createRouter(opts: RouterOptions): Router {
  const routes = new Map<string, Route>();
  const validateOutput = opts.validateOutput ?? true;

  return {
    register(contract, impl) {
      for (const [name, def] of Object.entries(contract.ops)) {
        const channel = channelOf(contract.name, name);
        const handler = (impl as Record<string, Route['handler'] | undefined>)[name];
        if (routes.has(channel)) throw new Error(`Duplicate channel ${channel}`);
        if (typeof handler !== 'function') throw new Error(`No handler for ${channel}`);
        routes.set(channel, { channel, input: def.input, output: def.output, public: def.public, summary: def.summary, handler: handler.bind(impl) });
      }
    },

    registerLazy(contract, load) {
      const impl: Record<string, Route['handler']> = {};
      for (const name of Object.keys(contract.ops)) {
        impl[name] = async (input, ctx) => {
          const handlers = (await load()) as Record<string, Route['handler'] | undefined>;
          const handler = handlers[name];
          if (typeof handler !== 'function') throw new Error(`No handler for ${channelOf(contract.name, name)}`);
          return handler.call(handlers, input, ctx);
        };
      }
      this.register(contract, impl as ServiceOf<typeof contract>);
    },

    async dispatch(channel, rawInput, ctx) {
      const route = typeof channel === 'string' ? routes.get(channel) : undefined;
      if (!route) return fail(new AppError('UNKNOWN_OPERATION', `Unknown operation: ${String(channel).slice(0, 80)}`));
      const parsed = route.input.safeParse(rawInput === undefined ? {} : rawInput);
      if (!parsed.success) {
        const issues = toIssues(parsed.error);
        return fail(
          new AppError('INVALID_INPUT', `Invalid input for ${channel}: ${issues.map((i) => `${i.path || '(input)'}: ${i.message}`).join('; ')}`, { issues }),
        );
      }
      if (!route.public) {
        if (!opts.isUnlocked()) return fail(new AppError('LOCKED', 'Hearth is locked. Unlock your profile first.'));
        opts.onActivity?.();
      }
      try {
        const value = await route.handler(parsed.data, ctx);
        if (!validateOutput) return { ok: true, value };
        const checked = route.output.safeParse(value);
        if (!checked.success) {
          log.error(`[router] ${channel} returned a value that does not match its contract: ${JSON.stringify(toIssues(checked.error))}`);
          return fail(new AppError('INTERNAL', 'Something went wrong inside Hearth.'));
        }
        return { ok: true, value: checked.data };
      } catch (err) {
        return fail(toAppError(err, channel));
      }
    },

    channels: () => [...routes.keys()],
    has: (channel) => routes.has(channel),
  };
}

const fail = (e: AppError): { ok: false; error: AppErrorData } => ({ ok: false, error: e.toJSON() });

function toIssues(error: z.ZodError): AppErrorIssue[] {
  return error.issues.slice(0, 20).map((i) => ({ path: i.path.map(String).join('.'), message: i.message }));
}

/** The only place an exception becomes an error the caller sees. Unknown errors lose their details. */
export function toAppError(err: unknown, where: string): AppError {
  if (err instanceof AppError) return err;
  const code = (err as { code?: unknown }).code;
  if (code === 'SQLITE_FULL' || code === 'ENOSPC') return new AppError('DISK_FULL', 'The disk is full. Free some space and try again; nothing was changed.');
  // Extended codes too (SQLITE_BUSY_SNAPSHOT, SQLITE_BUSY_TIMEOUT …): the busy timeout ran out (docs/security.md#t8).
  if (typeof code === 'string' && (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')))
    return new AppError(
      'BUSY',
      'Another Hearth process (the app, a hearth command or browser mode) kept this profile busy for too long. Nothing was changed; try again.',
    );
  if (code === 'SQLITE_CORRUPT' || code === 'SQLITE_NOTADB') {
    log.error(`[router] ${where}: database page failed its integrity check`, err);
    return new AppError(
      'CORRUPT',
      'Part of the profile database is damaged (a page failed its integrity check). Nothing was changed; restore the profile folder from a backup.',
      { file: 'hearth.db' },
    );
  }
  // Extended codes too (SQLITE_READONLY_DBMOVED …), and the OS's own refusals (docs/security.md#t6).
  if ((typeof code === 'string' && code.startsWith('SQLITE_READONLY')) || code === 'EROFS' || code === 'EACCES' || code === 'EPERM')
    return new AppError('READ_ONLY', 'Hearth cannot write to the profile folder: the disk is read-only or the folder is not writable. Nothing was changed.');
  log.error(`[router] ${where} failed`, err);
  return new AppError('INTERNAL', 'Something went wrong inside Hearth.');
}
