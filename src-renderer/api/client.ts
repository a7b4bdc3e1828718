import { BRIDGE_KEY, type AppBridge, type AppClient } from '../../src-shared/ipc/channels';
import { createBridgeTransport } from './bridge-transport';
import { createClient } from '../../src-shared/ipc/client';
import type { Transport } from './transport';
import { createWebTransport, takeToken, TOKEN_HEADER } from './web-transport';
import { postFile } from './file-upload';
import type { UploadedBlob } from '../../src-shared/domains/blobs/blobs.schemas';

/** Picks the transport once: the Electron preload bridge when present, browser mode otherwise. */
function selectTransport(): Transport {
  const bridge: unknown = Reflect.get(window, BRIDGE_KEY);
  if (typeof bridge === 'object' && bridge !== null) return createBridgeTransport(bridge as AppBridge);
  const token = takeToken(window) ?? '';
  fileHeaders = { [TOKEN_HEADER]: token };
  return createWebTransport({
    token,
    fetch: window.fetch.bind(window),
    reload: () => window.location.reload(),
  });
}

let selected: Transport | null = null;
/** Headers a file upload needs: the browser-mode token, nothing under Electron (the ticket is the capability there). */
let fileHeaders: Record<string, string> = {};
const currentTransport = (): Transport => (selected ??= selectTransport());

/** The one typed API of the renderer. Store actions call it; components never do. */
export const api: AppClient = createClient({
  call: (domain, op, input) => currentTransport().call(domain, op, input),
  listen: (domain, event, listener) => currentTransport().listen(domain, event, listener),
});

/**
 * Called by the profile store once it has dropped its state after a lock: browser mode reloads the
 * page so nothing from the session survives in memory; under Electron main reloads the window.
 */
export function resetAfterLock(): void {
  currentTransport().resetAfterLock();
}

/** Streams a file to the URL of a `blobs.uploadTicket` (never base64 over IPC); resolves with the stored file. */
export function uploadFile(url: string, file: Blob): Promise<UploadedBlob> {
  currentTransport();
  return postFile(window.fetch.bind(window), url, file, fileHeaders);
}

/** Streams a picked file into the encrypted store: a ticket sized to it, then the upload. Resolves with the stored file. */
export async function uploadToStore(file: Blob): Promise<UploadedBlob> {
  const ticket = await api.blobs.uploadTicket({ maxBytes: Math.max(1, file.size) });
  return uploadFile(ticket.url, file);
}

/** Reads the browser-mode token from the URL at start, before anything can render or log the URL. */
export function startTransport(): void {
  currentTransport();
}
