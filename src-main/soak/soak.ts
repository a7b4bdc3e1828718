import { runDriver } from './soak-driver';
import { WORKER_FLAG, send } from './soak-protocol';
import { runWorker } from './soak-worker';

/**
 * `npm run soak` (dist/main/soak.cjs, built by `vite build --mode main`): the driver by default, a worker when
 * started with the worker flag by the driver. soak-driver.ts says what a run does.
 */
if (process.argv.includes(WORKER_FLAG)) {
  process.env.HEARTH_QUIET ??= '1';
  runWorker().then(
    () => process.exit(0),
    (err: unknown) => {
      send({ t: 'fail', message: err instanceof Error ? (err.stack ?? err.message) : String(err) });
      process.exit(1);
    },
  );
} else {
  runDriver(process.argv.slice(2)).then(
    (code) => (process.exitCode = code),
    (err: unknown) => {
      process.stderr.write(`soak failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
      process.exitCode = 1;
    },
  );
}
