import type { z } from 'zod';

/**
 * Contract helpers. Every operation and event is declared once, in `src-shared/domains/<d>/<d>.contract.ts`;
 * the main router, the preload bridge, the browser-mode client and the CLI are all generated from it.
 */

export interface OpDef<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  readonly input: I;
  readonly output: O;
  /** Operations run only while a profile is unlocked unless declared `public`. */
  readonly public: boolean;
  /** One line for `hearth ops` and the docs. */
  readonly summary: string;
}

export function op<I extends z.ZodType, O extends z.ZodType>(def: { input: I; output: O; summary: string; public?: boolean }): OpDef<I, O> {
  return { input: def.input, output: def.output, summary: def.summary, public: def.public ?? false };
}

export interface Contract<
  N extends string = string,
  Ops extends Record<string, OpDef> = Record<string, OpDef>,
  Events extends Record<string, z.ZodType> = Record<string, z.ZodType>,
> {
  readonly name: N;
  readonly ops: Ops;
  readonly events: Events;
}

export function defineContract<N extends string, Ops extends Record<string, OpDef>, Events extends Record<string, z.ZodType> = Record<never, z.ZodType>>(
  name: N,
  ops: Ops,
  events?: Events,
): Contract<N, Ops, Events> {
  return { name, ops, events: (events ?? {}) as Events };
}

/** `<domain>:<op>` / `<domain>:<event>`: the only channel names that exist. */
export const channelOf = (domain: string, name: string): string => `${domain}:${name}`;

/** Event subscription property name: `locked` → `onLocked`. */
export const listenerName = (event: string): `on${string}` => `on${event.charAt(0).toUpperCase()}${event.slice(1)}`;

type EmptyObject = Record<string, never>;
type InputArg<I extends z.ZodType> = EmptyObject extends z.input<I> ? [input?: z.input<I>] : [input: z.input<I>];

/** What main implements for a contract: one async function per op, same name. */
export type ServiceOf<C extends Contract> = {
  [K in keyof C['ops']]: (input: z.output<C['ops'][K]['input']>, ctx: CallContext) => Promise<z.input<C['ops'][K]['output']>> | z.input<C['ops'][K]['output']>;
};

/** What the renderer (and tests) call: typed, throws `AppError` on failure. */
export type ClientOf<C extends Contract> = {
  [K in keyof C['ops']]: (...args: InputArg<C['ops'][K]['input']>) => Promise<z.output<C['ops'][K]['output']>>;
} & {
  [E in keyof C['events'] & string as `on${Capitalize<E>}`]: (listener: (payload: z.output<C['events'][E]>) => void) => () => void;
};

/** What the Electron preload exposes per contract: same shape as ClientOf, but returns the raw Result. */
export type BridgeOf<C extends Contract> = {
  [K in keyof C['ops']]: (input?: unknown) => Promise<import('./result').Result<z.output<C['ops'][K]['output']>>>;
} & {
  [E in keyof C['events'] & string as `on${Capitalize<E>}`]: (listener: (payload: z.output<C['events'][E]>) => void) => () => void;
};

export type Transport = 'electron' | 'web' | 'cli' | 'test';

/** What the router tells a handler about the caller. Never contains secrets. */
export interface CallContext {
  readonly transport: Transport;
}
