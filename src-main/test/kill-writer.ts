import { spawn } from 'node:child_process';

/**
 * Runs a writer process (`node <script> ...args`) that prints `ACK n` after each commit, SIGKILLs it
 * `delayMs` after its first acknowledged commit (so a slow start on a busy machine cannot make every kill
 * land before the writer has done anything), and resolves with the last n it acknowledged. Crash tests
 * (db/crash.test.ts, platform/change-log-crash.test.ts) then check the database against that n.
 */
export function runAndKill(script: string, args: string[], delayMs: number, cwd?: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script, ...args], { stdio: ['ignore', 'pipe', 'pipe'], cwd });
    let lastAck = 0;
    let buffer = '';
    let stderr = '';
    let timer: NodeJS.Timeout | undefined;
    const giveUp = setTimeout(() => child.kill('SIGKILL'), 30_000);
    child.stdout.on('data', (chunk: Buffer) => {
      const lines = (buffer + chunk.toString()).split('\n');
      buffer = lines.pop() ?? '';
      for (const l of lines) if (l.startsWith('ACK ')) lastAck = Number(l.slice(4));
      if (lastAck > 0) timer ??= setTimeout(() => child.kill('SIGKILL'), delayMs);
    });
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.on('exit', (_code, signal) => {
      clearTimeout(timer);
      clearTimeout(giveUp);
      if (signal !== 'SIGKILL') reject(new Error(`writer exited on its own: ${stderr}`));
      else resolve(lastAck);
    });
  });
}
