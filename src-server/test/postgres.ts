/**
 * A real PostgreSQL server for tests: the harness lives in scripts/postgres-harness.mjs (plain JavaScript, so the
 * e2e runner can start a cluster too) and is re-exported here with its types for the TypeScript tests.
 */
export { POSTGRES_BIN_DIR, POSTGRES_SKIP_REASON, startPostgres, type Postgres } from '../../scripts/postgres-harness.mjs';
