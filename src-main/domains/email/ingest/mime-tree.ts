import PostalMime, { type Email } from 'postal-mime';
import { decodeWordsSafe } from './mime-fields';
import { headerEnd, latin1, limitReason, MIME_LIMITS, MimeLimitError, NO_HEADERS, partsReason, withoutFromLine } from './mime-limits';
import { htmlToText } from './mime-text';

/**
 * The one walk over a message's MIME structure that the parser (parse-message.ts, in a worker) and the reader
 * (read-message.ts, in main) share: every leaf part with its IMAP-style part number ('1', '2.1', '3.2.2'),
 * decoded name, type, disposition and decoded bytes, plus the body text and HTML.
 *
 * Why postal-mime (v4): maintained, pure JS with no native code and no dependencies (runs in a worker and in
 * main), decodes RFC 2047 words and RFC 2231 parameters, and every charset through TextDecoder (Node's full ICU:
 * ISO-2022-JP, Shift_JIS, ks_c_5601-1987 → EUC-KR), and it is hardened against quadratic inputs. It parses a whole
 * buffer (no streaming), which our caps (mime-limits.ts: size, parts, depth, header block) bound before it runs.
 *
 * Its public result has no part numbers and no tree, so we read its parsed tree (`parser.root`, MimeNode in
 * postal-mime 4's src/mime-node.ts: an internal field; {@link TreeNode} lists exactly what we use, and the fixture
 * tests fail loudly if a postal-mime update moves it). message/rfc822 parts are not opened by postal-mime
 * (`forceRfc822Attachments`): we parse each one ourselves, once, to number its parts.
 */
interface TreeNode {
  contentType: { parsed: { value: string; params: Record<string, string> }; multipart: string | false };
  contentDisposition: { parsed: { value: string; params: Record<string, string> } };
  contentId?: string;
  content: ArrayBuffer | null;
  childNodes: TreeNode[];
  /** The body decoded with its charset (and format=flowed). */
  getTextContent(): string;
}

export interface MimePart {
  /** IMAP part number: how the part is found again in the original bytes. */
  part: string;
  mime: string;
  /** Content-Disposition filename, else Content-Type name, RFC 2047/2231 decoded; null when it has none. */
  filename: string | null;
  /** 'attachment', 'inline' or '' (none). */
  disposition: string;
  /** Content-ID without angle brackets. */
  cid: string | null;
  /** body: text shown as the message; attachment: listed; alternative: a calendar alternative of the body; message: a forwarded message opened inline. */
  role: 'body' | 'attachment' | 'alternative' | 'message';
  /** Inside a multipart/related (an inline resource of the HTML when it has a cid). */
  related: boolean;
  /** The decoded body (transfer encoding removed). */
  bytes: Uint8Array;
  /** The body as text, decoded with its charset. */
  text(): string;
}

export interface MimeMessage {
  email: Email;
  /** Plain body: the text part, else the HTML's text; forwarded messages opened inline follow it. */
  text: string;
  /** HTML body, '' when none; forwarded messages follow it. */
  html: string;
  /** Every leaf part, in document order, nested messages included. */
  parts: MimePart[];
}

export type MimeRead = { ok: true; message: MimeMessage } | { ok: false; reason: string; email: Email | null };

/** Reads a message; never throws: a message over a limit or that cannot be parsed comes back with a reason and the headers that could be read. */
export async function readMime(message: Uint8Array): Promise<MimeRead> {
  const raw = withoutFromLine(message);
  const reason = limitReason(raw);
  if (reason) return { ok: false, reason, email: reason === NO_HEADERS ? null : await readHeaders(raw) };
  const parts: MimePart[] = [];
  try {
    const { email, text, html } = await parseTree(raw, '', 0, { count: 0, parts });
    return { ok: true, message: { email, text, html, parts } };
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    return { ok: false, reason: err instanceof MimeLimitError ? message : `Could not be read: ${message.slice(0, 200)}`, email: await readHeaders(raw) };
  }
}

/** The header block alone, parsed: what can be shown of a message that is not parsed. Null when there is none. */
export async function readHeaders(message: Uint8Array): Promise<Email | null> {
  const raw = withoutFromLine(message);
  const area = latin1(raw.subarray(0, MIME_LIMITS.headerBytes));
  let end = headerEnd(area, area.length);
  if (end === area.length && raw.byteLength > area.length) end = area.lastIndexOf('\n') + 1;
  if (end <= 0) return null;
  const block = new Uint8Array(end + 2);
  block.set(raw.subarray(0, end));
  block.set([0x0d, 0x0a], end);
  try {
    return await PostalMime.parse(block, { maxHeadersSize: MIME_LIMITS.allHeaderBytes });
  } catch {
    return null;
  }
}

interface WalkState {
  count: number;
  parts: MimePart[];
}

interface Nested {
  email: Email;
  text: string;
  html: string;
}

async function parseTree(raw: Uint8Array, base: string, messageDepth: number, state: WalkState): Promise<Nested> {
  const parser = new PostalMime({
    forceRfc822Attachments: true,
    maxNestingDepth: MIME_LIMITS.depth,
    maxHeadersSize: MIME_LIMITS.allHeaderBytes,
    attachmentEncoding: 'arraybuffer',
  });
  const email = await parser.parse(raw);
  const root = (parser as unknown as { root?: TreeNode }).root;
  if (!root || !Array.isArray(root.childNodes)) throw new Error('postal-mime changed: its MIME tree is not where Hearth reads it');
  const nested: Array<Nested & { part: string }> = [];
  const report = hasReport(root);

  const visit = async (node: TreeNode, num: string, messageRoot: boolean, alternative: boolean, related: boolean): Promise<void> => {
    if (++state.count > MIME_LIMITS.parts) throw new MimeLimitError(partsReason());
    const multipart = node.contentType.multipart;
    if (multipart) {
      for (const [i, child] of node.childNodes.entries()) {
        await visit(child, num ? `${num}.${i + 1}` : `${i + 1}`, false, alternative || multipart === 'alternative', related || multipart === 'related');
      }
      return;
    }
    const part = leaf(node, messageRoot ? (num ? `${num}.1` : '1') : num, related);
    part.role = roleOf(part, alternative, report, messageDepth);
    state.parts.push(part);
    if (part.role !== 'message') return;
    const limit = limitReason(part.bytes);
    // A forwarded "message" that is not one (empty, no headers) is listed as a file; one over a limit stops the whole parse.
    if (limit && (limit === NO_HEADERS || part.bytes.byteLength === 0)) part.role = 'attachment';
    else if (limit) throw new MimeLimitError(limit);
    else nested.push({ part: part.part, ...(await parseTree(part.bytes, part.part, messageDepth + 1, state)) });
  };
  await visit(root, base, true, false, false);

  const own = email.text ?? htmlToText(email.html ?? '');
  const text = own + nested.map((n) => `\n\n---------- Forwarded message ----------\n${headerLines(n.email).join('\n')}\n\n${n.text}`).join('');
  // HTML when this message or a forwarded one has some; the plain parts around it then shown as <pre>.
  const ownHtml = email.html ?? (nested.some((n) => n.html) ? `<pre>${escapeHtml(own)}</pre>` : '');
  const html = ownHtml
    ? ownHtml + nested.map((n) => `<hr><p>${headerLines(n.email).map(escapeHtml).join('<br>')}</p>${n.html || `<pre>${escapeHtml(n.text)}</pre>`}`).join('')
    : '';
  return { email, text, html };
}

function leaf(node: TreeNode, part: string, related: boolean): MimePart {
  const declared = node.contentDisposition.parsed.params.filename || node.contentType.parsed.params.name || '';
  const content = node.content ?? new ArrayBuffer(0);
  return {
    part,
    mime: node.contentType.parsed.value || 'text/plain',
    filename: declared ? decodeWordsSafe(declared) : null,
    disposition: node.contentDisposition.parsed.value,
    cid: node.contentId ? node.contentId.trim().replace(/^<|>$/g, '') || null : null,
    role: 'attachment',
    related,
    bytes: new Uint8Array(content),
    text: () => node.getTextContent(),
  };
}

/** As postal-mime sorts leaves into body and attachments (its collectNode), plus calendar alternatives and forwarded messages. */
function roleOf(part: MimePart, alternative: boolean, report: boolean, messageDepth: number): MimePart['role'] {
  const attached = part.disposition === 'attachment';
  if (!attached && (part.mime === 'text/plain' || part.mime === 'text/html')) return 'body';
  if (!attached && part.mime === 'message/rfc822' && !report && messageDepth < MIME_LIMITS.messageDepth) return 'message';
  if (!attached && alternative && part.mime === 'text/calendar' && !part.filename) return 'alternative';
  return 'attachment';
}

/** A delivery or feedback report carries the original message as evidence: it is listed, not opened (as postal-mime does). */
function hasReport(node: TreeNode): boolean {
  const type = node.contentType.parsed.value;
  if (type === 'message/delivery-status' || type === 'message/feedback-report') return true;
  return node.childNodes.some(hasReport);
}

function headerLines(email: Email): string[] {
  const from = email.from && 'address' in email.from && email.from.address ? formatAddress(email.from.name, email.from.address) : '';
  return [
    from && `From: ${from}`,
    email.date && `Date: ${email.date}`,
    email.subject && `Subject: ${email.subject}`,
    email.to?.length && `To: ${email.to.map((a) => formatAddress(a.name, a.address ?? '')).join(', ')}`,
  ].filter((line): line is string => typeof line === 'string' && line !== '');
}

const formatAddress = (name: string, address: string): string => (name ? `${name} <${address}>` : address);

const escapeHtml = (s: string): string => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c] ?? c);
