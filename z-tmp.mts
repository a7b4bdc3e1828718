import { z } from 'zod';
const A = z.strictObject({ kind: z.literal('a'), x: z.number(), y: z.number() }).refine((v) => v.x <= v.y, { message: 'x>y', path: ['x'] });
const B = z.strictObject({ kind: z.literal('b'), z: z.number() });
const U = z.discriminatedUnion('kind', [A, B]);
console.log(U.safeParse({ kind: 'a', x: 3, y: 1 }).error?.issues);
console.log(U.safeParse({ kind: 'b', z: 1 }).success);
type T = z.infer<typeof U>; const t: T = { kind: 'b', z: 2 }; console.log(t);
