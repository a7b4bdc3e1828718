import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { freePort } from './free-port';

/**
 * A real Dovecot IMAP server for tests (Debian's `dovecot-imapd`; CI installs it in .ci/run): one per test file, its own
 * config, mail, state, sockets and log in a throwaway folder, listening on 127.0.0.1 only, on a free port, plain
 * LOGIN without TLS (loopback only), users from a passwd-file, maildir storage. Runs as the current user; as root the
 * server's own processes and the mail files belong to `nobody` (Dovecot refuses root for both).
 * `DOVECOT_SKIP_REASON` is set only when the binary is missing, so `describe.skipIf(...)` says why.
 */
export const DOVECOT_BIN = ['/usr/sbin/dovecot', '/usr/local/sbin/dovecot'].find((p) => existsSync(p) && spawnSync(p, ['--version']).status === 0) ?? null;
export const DOVECOT_SKIP_REASON = DOVECOT_BIN ? null : 'dovecot is not installed (apt-get install dovecot-imapd; .ci/run installs it on CI)';

export interface Dovecot {
  host: '127.0.0.1';
  port: number;
  users: Record<string, string>;
  dir: string;
  /** A user's maildir (`<dir>/mail/<user>`). */
  maildir(user: string): string;
  stop(): Promise<void>;
}

/** Who owns what: the server's internal and login user and group, and the uid/gid the mail files belong to. */
function identity(): { user: string; group: string; uid: number; gid: number } {
  const who = (args: string[]) => spawnSync('id', args, { encoding: 'utf8' }).stdout.trim();
  if (process.getuid?.() === 0) {
    return { user: 'nobody', group: who(['-gn', 'nobody']), uid: Number(who(['-u', 'nobody'])), gid: Number(who(['-g', 'nobody'])) };
  }
  const me = os.userInfo();
  return { user: me.username, group: who(['-gn']), uid: me.uid, gid: me.gid };
}

function config(dir: string, port: number, who: ReturnType<typeof identity>): string {
  const at = (...p: string[]) => path.join(dir, ...p);
  return `${[
    'protocols = imap',
    // SECURITY: loopback only; never any other address.
    'listen = 127.0.0.1',
    `base_dir = ${at('run')}`,
    `state_dir = ${at('state')}`,
    `log_path = ${at('dovecot.log')}`,
    `info_log_path = ${at('dovecot.log')}`,
    // Plain LOGIN without TLS: a throwaway password over loopback only.
    'ssl = no',
    'disable_plaintext_auth = no',
    'auth_mechanisms = plain login',
    // The wrong-password test need not wait.
    'auth_failure_delay = 0',
    `default_internal_user = ${who.user}`,
    `default_internal_group = ${who.group}`,
    `default_login_user = ${who.user}`,
    `first_valid_uid = ${Math.min(who.uid, 500)}`,
    `first_valid_gid = 0`,
    `mail_location = maildir:${at('mail')}/%u`,
    `passdb {\n  driver = passwd-file\n  args = scheme=PLAIN ${at('users')}\n}`,
    `userdb {\n  driver = passwd-file\n  args = ${at('users')}\n  default_fields = uid=${who.uid} gid=${who.gid} home=${at('mail')}/%u\n}`,
    `service imap-login {\n  inet_listener imap {\n    address = 127.0.0.1\n    port = ${port}\n  }\n  inet_listener imaps {\n    port = 0\n  }\n  chroot =\n}`,
    'service anvil {\n  chroot =\n}',
    '',
  ].join('\n')}`;
}

/** Resolves once the server greets on `port` (`* OK`), or fails with the server's log. */
async function waitForGreeting(port: number, exited: () => boolean, log: () => string, timeoutMs = 15_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (exited()) throw new Error(`dovecot exited: ${log()}`);
    const greeted = await new Promise<boolean>((resolve) => {
      const sock = net.connect({ host: '127.0.0.1', port });
      const done = (ok: boolean) => {
        sock.destroy();
        resolve(ok);
      };
      sock.setTimeout(1000, () => done(false));
      sock.once('error', () => done(false));
      sock.once('data', (d: Buffer) => done(d.toString('latin1').startsWith('* OK')));
    });
    if (greeted) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`dovecot did not greet within ${timeoutMs} ms: ${log()}`);
}

/** Starts Dovecot with these users (name → password; no ':' in either). Call `stop()` in afterAll. */
export async function startDovecot(users: Record<string, string>): Promise<Dovecot> {
  if (!DOVECOT_BIN) throw new Error(DOVECOT_SKIP_REASON!);
  const who = identity();
  const dir = mkdtempSync(path.join(os.tmpdir(), 'hearth-dovecot-'));
  // The server's own processes (nobody, when the tests run as root) read the users file and reach the mail folder.
  chmodSync(dir, 0o755);
  const mail = path.join(dir, 'mail');
  mkdirSync(mail);
  for (const user of Object.keys(users)) mkdirSync(path.join(mail, user));
  if (process.getuid?.() === 0) for (const p of [mail, ...Object.keys(users).map((u) => path.join(mail, u))]) chownSync(p, who.uid, who.gid);
  writeFileSync(
    path.join(dir, 'users'),
    Object.entries(users)
      .map(([u, p]) => `${u}:{PLAIN}${p}::::::\n`)
      .join(''),
    { mode: 0o644 },
  );
  const port = await freePort();
  const conf = path.join(dir, 'dovecot.conf');
  writeFileSync(conf, config(dir, port, who));
  let output = '';
  const child = spawn(DOVECOT_BIN, ['-F', '-c', conf], { stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout!.on('data', (d: Buffer) => (output = (output + d.toString()).slice(-4000)));
  child.stderr!.on('data', (d: Buffer) => (output = (output + d.toString()).slice(-4000)));
  const log = () => {
    const file = path.join(dir, 'dovecot.log');
    return `${output}${existsSync(file) ? readFileSync(file, 'utf8').slice(-4000) : ''}`;
  };
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    }
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    await waitForGreeting(port, () => child.exitCode !== null, log);
  } catch (err) {
    await stop();
    throw err;
  }
  return { host: '127.0.0.1', port, users, dir, maildir: (user) => path.join(mail, user), stop };
}
