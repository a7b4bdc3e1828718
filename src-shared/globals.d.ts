/** Injected by vite.config.ts `define` from package.json. */
declare const __HEARTH_VERSION__: string;
