/**
 * SECURITY: the one check before anything leaves the app for the system browser or mail client.
 * Parse with URL (never startsWith) and allow only https: and mailto:.
 */
export function checkExternalUrl(raw: string): string | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return null;
  }
  if (url.protocol === 'https:' && url.hostname !== '' && url.username === '' && url.password === '') return url.toString();
  if (url.protocol === 'mailto:') return url.toString();
  return null;
}
