import net from 'node:net';

/**
 * A free TCP port on 127.0.0.1 for a test server (the OS picks one; the tiny race before the server binds it is
 * acceptable in tests). Shared by the real-server harnesses (`dovecot.ts`, `radicale.ts`).
 */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as net.AddressInfo).port;
      srv.close(() => resolve(port));
    });
  });
}
