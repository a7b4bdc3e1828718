import fs from 'node:fs/promises';
import path from 'node:path';

/** Every file under `dir` (recursively) whose bytes contain `needle` in UTF-8 or UTF-16LE: the canary check of docs/security.md. */
export async function filesContaining(dir: string, needle: string): Promise<string[]> {
  const forms = [Buffer.from(needle, 'utf8'), Buffer.from(needle, 'utf16le')];
  const hits: string[] = [];
  for (const entry of await fs.readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    const bytes = await fs.readFile(file);
    if (forms.some((f) => bytes.includes(f))) hits.push(path.relative(dir, file));
  }
  return hits;
}
