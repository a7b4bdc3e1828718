/**
 * What a worker job sees. A job is a plain function of structured-cloneable input to structured-cloneable
 * output; it cannot reach the database or any key (those stay in main), so a job that is killed halfway
 * leaves nothing half-written.
 */
export interface JobContext {
  /** Reports progress; main forwards it to the caller (throttled there, not here). */
  progress(done: number, total: number): void;
  /** True once the caller cancelled; long loops check it between steps and stop early. */
  cancelled(): boolean;
}

export type JobFn<I, O> = (input: I, ctx: JobContext) => O | Promise<O>;

/** Messages from a worker to main. */
export type WorkerMessage =
  | { type: 'progress'; done: number; total: number }
  | { type: 'done'; value: unknown }
  | { type: 'error'; error: { code?: string; message: string; issues?: unknown; file?: string; app: boolean } };

/** The one message main sends to start a job. */
export interface JobRequest {
  name: string;
  input: unknown;
  /** One Int32 set to 1 by main when the caller cancels. */
  cancelFlag: SharedArrayBuffer;
}
