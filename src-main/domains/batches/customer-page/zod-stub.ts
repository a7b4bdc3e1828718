/**
 * Stand-in for zod inside the customer page bundle only (see customer-page.build.ts): every property and
 * call returns the same inert value, so module-level schema declarations cost nothing.
 */
const inert: unknown = new Proxy(function inertSchema() {}, { get: () => inert, apply: () => inert });
export const z = inert;
