import net from 'node:net';

/**
 * Tests only: a TCP proxy on 127.0.0.1 in front of a real server, to cut a connection mid-request the way a network
 * drop does (no mock of either end). `cutAfter(marker, bytes)` arms it once: the first connection whose client bytes
 * contain `marker` (e.g. "PUT /v1/blobs/") is destroyed, both ways, after `bytes` more bytes from the client have
 * been forwarded. `offline()` refuses new connections and drops open ones; `online()` serves again on the same port. `cutAfter`
 * resolves once the connection to the server is closed.
 */
export interface CutProxy {
  /** http://127.0.0.1:<port> */
  url: string;
  cutAfter(marker: string, bytes: number): Promise<void>;
  offline(): Promise<void>;
  online(): Promise<void>;
  close(): Promise<void>;
}

export async function startCutProxy(targetPort: number): Promise<CutProxy> {
  const sockets = new Set<net.Socket>();
  let armed: { marker: Buffer; bytes: number; done: () => void } | null = null;

  const server = net.createServer((client) => {
    const upstream = net.connect(targetPort, '127.0.0.1');
    sockets.add(client).add(upstream);
    const drop = (): void => {
      client.destroy();
      upstream.destroy();
    };
    client.once('close', () => (sockets.delete(client), upstream.destroy()));
    upstream.once('close', () => (sockets.delete(upstream), client.destroy()));
    client.on('error', drop);
    upstream.on('error', drop);
    let counting: { left: number; done: () => void } | null = null;
    upstream.once('close', () => {
      if (cut) counting?.done();
    });
    let cut = false;
    client.on('data', (chunk: Buffer) => {
      if (cut) return;
      if (!counting && armed && chunk.includes(armed.marker)) {
        counting = { left: chunk.indexOf(armed.marker) + armed.bytes, done: armed.done };
        armed = null;
      }
      if (counting) {
        if (chunk.length >= counting.left) {
          cut = true;
          upstream.write(chunk.subarray(0, counting.left), () => setImmediate(drop));
          return;
        }
        counting.left -= chunk.length;
      }
      upstream.write(chunk);
    });
    upstream.on('data', (chunk: Buffer) => client.write(chunk));
  });
  const listen = (port: number): Promise<number> =>
    new Promise((resolve, reject) => {
      server.once('error', reject);
      // SECURITY: loopback only.
      server.listen(port, '127.0.0.1', () => resolve((server.address() as net.AddressInfo).port));
    });
  const port = await listen(0);
  const stop = (): Promise<void> =>
    new Promise((resolve) => {
      for (const s of sockets) s.destroy();
      if (!server.listening) return resolve();
      server.close(() => resolve());
    });

  return {
    url: `http://127.0.0.1:${port}`,
    cutAfter(marker, bytes) {
      return new Promise<void>((resolve) => (armed = { marker: Buffer.from(marker, 'latin1'), bytes, done: resolve }));
    },
    offline: stop,
    async online() {
      if (!server.listening) await listen(port);
    },
    close: stop,
  };
}
