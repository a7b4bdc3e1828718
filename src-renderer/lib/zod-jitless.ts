import { config } from 'zod';

/**
 * SECURITY: zod 4 probes `new Function('')` when the first object schema is built, to decide whether
 * it may compile fast parsers. Our CSP forbids eval, so the probe would raise a CSP violation report.
 * `jitless` skips the probe. This module must be imported before anything that builds a schema
 * (main.tsx imports it first).
 */
config({ jitless: true });
