import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * Tests only: a sync server that turns hostile on demand. It forwards every request to the real test server on
 * 127.0.0.1 and, while `substitute` holds a key, answers public-key lookups with that key instead of the member's:
 * what a compromised server would do to read a shared collection (docs/sync.md#collections, key fingerprints).
 */
export interface HostileServer {
  url: string;
  /** The public key (base64url) handed out for every lookup; null forwards answers unchanged. */
  substitute: string | null;
  close(): Promise<void>;
}

async function body(req: IncomingMessage): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const c of req) parts.push(c as Buffer);
  return Buffer.concat(parts);
}

/** Starts the forwarding server on a free port of 127.0.0.1 in front of `upstream` (the real test server's url). */
export async function startHostileServer(upstream: string): Promise<HostileServer> {
  const state: HostileServer = { url: '', substitute: null, close: () => Promise.resolve() };
  const server = createServer((req, res) => {
    void (async () => {
      const headers: Record<string, string> = {};
      for (const [k, v] of Object.entries(req.headers)) if (typeof v === 'string' && !['host', 'connection', 'content-length'].includes(k)) headers[k] = v;
      const payload = await body(req);
      const r = await fetch(new URL(req.url ?? '/', upstream), {
        method: req.method,
        headers,
        body: payload.length > 0 ? new Uint8Array(payload) : undefined,
      });
      let text = await r.text();
      if (state.substitute !== null && r.ok && (req.url ?? '').startsWith('/v1/users/public-key')) {
        text = JSON.stringify({ ...(JSON.parse(text) as object), publicKey: state.substitute });
      }
      const out: Record<string, string> = {};
      for (const k of ['content-type', 'retry-after']) {
        const v = r.headers.get(k);
        if (v !== null) out[k] = v;
      }
      res.writeHead(r.status, out).end(text);
    })().catch(() => res.writeHead(502).end());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  state.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  state.close = () =>
    new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
  return state;
}
