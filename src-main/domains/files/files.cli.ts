import type { FileSummary } from '../../../src-shared/domains/files/files.schemas';
import type { CliCommand } from '../../cli/commands';
import { EXIT, printJson, printLine, UsageError } from '../../cli/io';

/** `hearth files …`: add files and folders to the encrypted library, list, search, get a file back, trash. */

const out = printLine;
const kib = (n: number): string => (n < 1024 ? `${n} B` : n < 1024 * 1024 ? `${(n / 1024).toFixed(1)} KiB` : `${(n / 1024 / 1024).toFixed(1)} MiB`);
const line = (f: FileSummary): string => `${f.id}  ${kib(f.size).padStart(10)}  ${f.name}${f.tags.length > 0 ? `  [${f.tags.join(', ')}]` : ''}`;
const tagsOf = (v: unknown): string[] => (Array.isArray(v) ? v.filter((t): t is string => typeof t === 'string') : typeof v === 'string' ? [v] : []);

const add: CliCommand = {
  name: 'files add',
  usage: 'hearth files add PATH... [--folder ID] [--tag T]...',
  summary: 'Encrypt files (folders recursively) into the library; identical content is stored once',
  options: { folder: { type: 'string' }, tag: { type: 'string', multiple: true } },
  optionHelp: { folder: 'The library folder id to add into (default: the top level)', tag: 'A tag for every added file (repeat for more)' },
  async run(ctx, { positionals, values }) {
    if (positionals.length === 0) throw new UsageError('Which files? hearth files add PATH...');
    const { walkPaths } = await import('../../cli/walk');
    const found = await walkPaths(positionals);
    await ctx.unlock();
    const store = ctx.core.blobs().store;
    const results = [];
    for (const f of found) {
      // The CLI is main: the file streams from disk into the encrypted store, then the library claims it.
      const put = await store.put(f.abs);
      const res = await ctx.client.files.add({
        blobId: put.id,
        name: f.name,
        folderId: typeof values.folder === 'string' ? values.folder : null,
        relativePath: f.relativePath,
        tags: tagsOf(values.tag),
      });
      results.push({ path: f.abs, ...res });
      if (!ctx.flags.json) out(res.duplicateOf ? `same as ${res.file.id}  ${f.abs}` : `added ${line(res.file)}`);
    }
    if (ctx.flags.json) printJson(results);
    else out(`${results.filter((r) => r.duplicateOf === null).length} added, ${results.filter((r) => r.duplicateOf !== null).length} already there.`);
    return EXIT.ok;
  },
};

const ls: CliCommand = {
  name: 'files ls',
  usage: 'hearth files ls [--folder ID|--top] [--tag T] [--trash]',
  summary: 'List library files (all, one folder, one tag, or the trash)',
  options: { folder: { type: 'string' }, top: { type: 'boolean' }, tag: { type: 'string' }, trash: { type: 'boolean' } },
  optionHelp: {
    folder: 'Only files directly in this folder id',
    top: 'Only files at the top level',
    tag: 'Only files with this tag',
    trash: 'The trash instead',
  },
  async run(ctx, { values }) {
    await ctx.unlock();
    const folderId = values.top === true ? null : typeof values.folder === 'string' ? values.folder : undefined;
    const list = await ctx.client.files.list({ folderId, tag: typeof values.tag === 'string' ? values.tag : undefined, trashed: values.trash === true });
    if (ctx.flags.json) printJson(list);
    else {
      for (const d of list.folders) out(`${d.id}  ${'folder'.padStart(10)}  ${d.name}/`);
      for (const f of list.files) out(line(f));
    }
    return EXIT.ok;
  },
};

const get: CliCommand = {
  name: 'files get',
  usage: 'hearth files get ID [--out FILE] [--version VID]',
  summary: "Show a file's details, or write its plaintext to FILE",
  options: { out: { type: 'string' }, version: { type: 'string' } },
  optionHelp: { out: 'Write the decrypted content here (atomically)', version: 'An earlier version id instead of the current content' },
  async run(ctx, { positionals, values }) {
    const id = positionals[0];
    if (!id) throw new UsageError('Which file? hearth files get ID');
    await ctx.unlock();
    const file = await ctx.client.files.get({ id });
    if (typeof values.out === 'string') {
      const version = typeof values.version === 'string' ? file.versions.find((v) => v.id === values.version) : undefined;
      if (typeof values.version === 'string' && !version) throw new UsageError(`No version ${values.version} of this file.`);
      const bytes = await ctx.core.blobs().store.exportTo(version?.blobId ?? file.blobId, values.out);
      if (ctx.flags.json) printJson({ id, out: values.out, bytes });
      else out(`Wrote ${kib(bytes)} to ${values.out}.`);
    } else if (ctx.flags.json) printJson(file);
    else {
      out(line(file));
      out(`type ${file.mime}, folder ${file.path.map((p) => p.name).join('/') || '(top)'}, text ${file.textStatus}`);
      for (const v of file.versions) out(`version ${v.id}  ${kib(v.size)}  replaced ${v.replacedAt}`);
      for (const l of file.linkedFrom) out(`linked from ${l.owner.domain} ${l.owner.id}  ${l.owner.label}`);
    }
    return EXIT.ok;
  },
};

const search: CliCommand = {
  name: 'files search',
  usage: 'hearth files search QUERY [--limit N]',
  summary: 'Search names, tags and the text inside files',
  options: { limit: { type: 'string' } },
  optionHelp: { limit: 'Most hits to show (1–100, default 20)' },
  async run(ctx, { positionals, values }) {
    const query = positionals.join(' ');
    if (!query.trim()) throw new UsageError('Search for what? hearth files search QUERY');
    const limit = values.limit === undefined ? 20 : Number(values.limit);
    await ctx.unlock();
    const { hits } = await ctx.client.files.search({ query, limit });
    if (ctx.flags.json) printJson(hits);
    else for (const h of hits) out(`${line(h.file)}\n    ${h.field}: ${h.snippet.text.replace(/\s+/g, ' ')}`);
    return EXIT.ok;
  },
};

const rm: CliCommand = {
  name: 'files rm',
  usage: 'hearth files rm ID... [--purge]',
  summary: 'Move files to the trash (--purge: then delete them for good)',
  options: { purge: { type: 'boolean' } },
  optionHelp: { purge: 'Delete for good after trashing (cannot be undone)' },
  async run(ctx, { positionals, values }) {
    if (positionals.length === 0) throw new UsageError('Which files? hearth files rm ID...');
    await ctx.unlock();
    const done = [];
    for (const id of positionals) {
      const f = await ctx.client.files.trash({ id }).catch(async (err: unknown) => {
        // Already in the trash is fine when purging.
        if (values.purge === true) return ctx.client.files.get({ id });
        throw err;
      });
      if (values.purge === true) await ctx.client.files.purge({ id });
      done.push({ id, name: f.name, purged: values.purge === true });
      if (!ctx.flags.json) out(`${values.purge === true ? 'deleted' : 'trashed'} ${id}  ${f.name}`);
    }
    if (ctx.flags.json) printJson(done);
    return EXIT.ok;
  },
};

export const filesCommands: CliCommand[] = [add, ls, get, search, rm];
