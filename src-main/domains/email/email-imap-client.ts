import net from 'node:net';
import { ImapFlow, type ListResponse } from 'imapflow';
import { AppError } from '../../../src-shared/ipc/result';

/**
 * The IMAP connection of an archived account (imapflow): the one place that decides where Hearth connects and how.
 *
 * SECURITY: only the host and port the user gave (no proxy; referrals are not followed); TLS certificates are always
 * checked ('tls': TLS from the first byte; 'starttls': the upgrade is required, never skipped); 'none' (the password in
 * clear) only to this computer. imapflow's logger is off: it would print commands and, with them, message bytes.
 */

export type Security = 'tls' | 'starttls' | 'none';
export interface ImapServer {
  host: string;
  port: number;
  security: Security;
  username: string;
}

/** One IMAP command (and a connect) may take this long before the server counts as unreachable. */
export const IMAP_TIMEOUT_MS = 60_000;

const LOOPBACK = new Set(['localhost', '127.0.0.1', '::1', '[::1]']);

/** The host as typed, checked: a name or an address, nothing else (no scheme, path, port or credentials). */
export function checkHost(raw: string, security: Security): string {
  const host = raw.trim().toLowerCase();
  const isName = /^(?=.{1,253}$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*\.?$/.test(host);
  if (!isName && net.isIP(host.replace(/^\[(.*)\]$/, '$1')) === 0) {
    throw new AppError('INVALID_INPUT', 'Give the mail server’s name (imap.example.com) or address, without imap:// or a port.', {
      issues: [{ path: 'host', message: 'Not a host name' }],
    });
  }
  const loopback = LOOPBACK.has(host) || (net.isIPv4(host) && host.startsWith('127.'));
  if (security === 'none' && !loopback) {
    throw new AppError('FORBIDDEN', 'Without TLS the password would cross the network in clear: choose TLS or STARTTLS (no TLS is only for this computer).');
  }
  return host;
}

/** A connected, logged-in client; the caller logs out (or `close()`s on cancel). */
export async function connectImap(server: ImapServer, password: string): Promise<ImapFlow> {
  const host = server.host.replace(/^\[(.*)\]$/, '$1');
  const client = new ImapFlow({
    host,
    port: server.port,
    secure: server.security === 'tls',
    doSTARTTLS: server.security === 'starttls' ? true : server.security === 'none' ? false : undefined,
    // SECURITY: certificate checks stay on (the default); the name checked is the one the user gave.
    tls: { rejectUnauthorized: true, minVersion: 'TLSv1.2', ...(net.isIP(host) === 0 ? { servername: host } : {}) },
    auth: { user: server.username, pass: password },
    logger: false,
    disableAutoIdle: true,
    connectionTimeout: IMAP_TIMEOUT_MS,
    greetingTimeout: 30_000,
    socketTimeout: IMAP_TIMEOUT_MS * 5,
  });
  // A broken connection also emits 'error'; it surfaces through the pending command, not as an uncaught event.
  client.on('error', () => undefined);
  try {
    await client.connect();
  } catch (err) {
    client.close();
    throw imapError(err, server);
  }
  return client;
}

/** The server's mailboxes that can be opened (not \Noselect / \NonExistent), in the server's order. */
export async function selectableMailboxes(client: ImapFlow): Promise<ListResponse[]> {
  return (await client.list()).filter((m) => !m.flags.has('\\Noselect') && !m.flags.has('\\NonExistent'));
}

/** imapflow's and Node's errors as typed AppErrors with a message a person can act on (never the server's bytes). */
export function imapError(err: unknown, server: Pick<ImapServer, 'host' | 'port'>): AppError {
  if (err instanceof AppError) return err;
  const e = (err ?? {}) as { code?: string; authenticationFailed?: boolean; tlsFailed?: boolean };
  const where = `${server.host}:${server.port}`;
  if (e.authenticationFailed) return new AppError('WRONG_PASSWORD', `The mail server ${server.host} refused the user name or password.`);
  const code = e.code ?? '';
  if (/CERT|SELF_SIGNED|UNABLE_TO_VERIFY|ERR_TLS_CERT/.test(code)) {
    return new AppError('FORBIDDEN', `The mail server ${server.host} did not show a valid TLS certificate for its name (${code}); Hearth does not connect.`);
  }
  if (/^ERR_SSL|^ERR_TLS/.test(code)) {
    return new AppError('INVALID_INPUT', `TLS with ${where} failed (${code}): check the port and the security setting (TLS is usually 993, STARTTLS 143).`);
  }
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return new AppError('BUSY', `The mail server ${server.host} was not found.`);
  if (code === 'ECONNREFUSED') return new AppError('BUSY', `Nothing answers on ${where}.`);
  if (/TIMEOUT|ETIMEDOUT/.test(code)) return new AppError('BUSY', `The mail server ${where} did not answer in time.`);
  if (e.tlsFailed) {
    return new AppError('FORBIDDEN', `The mail server ${server.host} does not offer STARTTLS; Hearth does not send the password in clear.`);
  }
  if (code === 'NoConnection' || code === 'EConnectionClosed' || code === 'ECONNRESET' || code === 'EPIPE') {
    return new AppError('BUSY', `The connection to ${where} broke.`);
  }
  return new AppError('INTERNAL', `The mail server ${where} answered in a way Hearth did not expect${code ? ` (${code})` : ''}.`);
}
