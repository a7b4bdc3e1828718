import createDOMPurify, { type Config } from 'dompurify';

/**
 * An email's HTML body → the `srcdoc` of a sandboxed frame (docs/security.md: email rendering).
 * SECURITY: mail bodies are hostile input. Layers:
 *   - DOMPurify with a tag and attribute allow-list made for mail (tables, fonts, presentational attributes): no script,
 *     style, form, frame, object, svg, math, base, meta or link; no event handlers; no `style` attribute (the frame
 *     inherits the app's `style-src 'self'`, which would refuse inline CSS anyway, so CSS and its `url()`s go);
 *   - our own URL policy in a DOMPurify hook, on the inert parsed tree (nothing in it ever loads): remote images
 *     (http:, https:, protocol-relative) are removed and counted ("Remote images blocked"); `cid:` images take a
 *     data: URL the caller read from the message's own attachment, or go; links lose their href (a sandboxed frame
 *     cannot open them) and keep the address in their title;
 *   - the frame itself: `sandbox=""` (no scripts, no same origin, no forms, no popups, no navigation of the app), its
 *     own CSP `default-src 'none'; img-src data:` in a meta tag on top of the inherited one, and no referrer.
 * The document is passed to `srcdoc` through a Trusted Types policy that only ever sees this builder's output.
 */

const ALLOWED_TAGS = [
  ...['a', 'abbr', 'address', 'article', 'aside', 'b', 'bdi', 'bdo', 'big', 'blockquote', 'br', 'caption', 'center', 'cite', 'code', 'col'],
  ...['colgroup', 'dd', 'del', 'details', 'dfn', 'div', 'dl', 'dt', 'em', 'figcaption', 'figure', 'font', 'footer', 'h1', 'h2', 'h3', 'h4'],
  ...['h5', 'h6', 'header', 'hr', 'i', 'img', 'ins', 'kbd', 'li', 'main', 'mark', 'nav', 'ol', 'p', 'pre', 'q', 's', 'samp', 'section'],
  ...['small', 'span', 'strike', 'strong', 'sub', 'summary', 'sup', 'table', 'tbody', 'td', 'tfoot', 'th', 'thead', 'time', 'tr', 'tt', 'u'],
  ...['ul', 'var', 'wbr'],
];
const ALLOWED_ATTR = [
  ...['align', 'valign', 'bgcolor', 'color', 'face', 'size', 'width', 'height', 'border', 'cellpadding', 'cellspacing', 'colspan', 'rowspan'],
  ...['dir', 'lang', 'title', 'alt', 'href', 'src', 'start', 'type', 'span', 'nowrap', 'hspace', 'vspace', 'clear', 'noshade', 'open'],
];
// SECURITY: forbidden even if a later change widened the allow-list.
const FORBID_TAGS = ['script', 'style', 'iframe', 'frame', 'frameset', 'object', 'embed', 'form', 'input', 'button', 'textarea', 'select'];
const FORBID_ATTR = ['style', 'srcset', 'background', 'action', 'formaction', 'poster', 'xlink:href', 'ping', 'lowsrc', 'dynsrc', 'longdesc'];
const CONFIG = {
  ALLOWED_TAGS,
  ALLOWED_ATTR,
  FORBID_TAGS: [...FORBID_TAGS, 'base', 'meta', 'link', 'svg', 'math', 'video', 'audio', 'source', 'picture', 'track', 'template'],
  FORBID_ATTR,
  ALLOWED_URI_REGEXP: /^(?:https?:|mailto:|cid:|\/\/)/i,
  // DOMPurify checks every attribute not declared URI-safe against ALLOWED_URI_REGEXP: all but href and src are plain values.
  ADD_URI_SAFE_ATTR: ALLOWED_ATTR.filter((a) => a !== 'href' && a !== 'src'),
  ALLOW_DATA_ATTR: false,
  ALLOW_ARIA_ATTR: false,
  ALLOW_UNKNOWN_PROTOCOLS: false,
  RETURN_DOM: true,
} as const satisfies Config;

const REMOTE = /^\s*(?:https?:|\/\/)/i;
const CID = /^\s*cid:(.+)$/i;
const DATA_IMAGE = /^data:image\/(?:png|gif|jpeg|webp|bmp);base64,[A-Za-z0-9+/=\s]+$/i;
/** Body text and links in the frame (presentational attributes: the CSP refuses CSS, not these). */
const FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', sans-serif";

export interface SanitizedMail {
  /** The frame's whole document. */
  doc: string;
  /** Remote images (and other remote pictures) that were removed. */
  remoteBlocked: number;
  /** `cid:` images with no picture given for them. */
  inlineMissing: number;
  /** The body's text, for the plain text view when the message has no text part. */
  text: string;
}

/** The cid of each `<img src="cid:…">` in a body, to read those attachments before rendering. */
export function cidsIn(html: string): string[] {
  return [...new Set([...html.matchAll(/src\s*=\s*["']?\s*cid:([^"'\s>]+)/gi)].map((m) => normalizeCid(m[1] ?? '')))].filter(Boolean);
}

export const normalizeCid = (cid: string): string => cid.trim().replace(/^<|>$/g, '').toLowerCase();

const STYLE_ELEMENT = /<style\b[^>]*>[\s\S]*?(?:<\/style\s*>|$)/gi;
const ATTRIBUTE = /([^\s"'>/=]+)(\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]+))?|[\s\S]/g;

/**
 * Takes `<style>` elements and `style="…"` attributes out before DOMPurify parses the body. Not a security step
 * (DOMPurify drops both anyway): the parsing document inherits the app's CSP, and Chromium reports every inline style
 * it parses as a violation. A linear scan: each tag from `<letter` to the `>` outside quotes, attributes read in turn.
 */
export function dropInlineStyles(html: string): string {
  const src = html.replace(STYLE_ELEMENT, '');
  let out = '';
  let i = 0;
  while (i < src.length) {
    const open = src.indexOf('<', i);
    if (open < 0 || open + 1 >= src.length) break;
    if (!/[a-zA-Z]/.test(src[open + 1] ?? '')) {
      out += src.slice(i, open + 1);
      i = open + 1;
      continue;
    }
    let end = open + 1;
    let quote = '';
    for (; end < src.length; end += 1) {
      const ch = src[end];
      if (quote) quote = ch === quote ? '' : quote;
      else if (ch === '"' || ch === "'") quote = ch;
      else if (ch === '>') break;
    }
    const tag = src.slice(open, end);
    const nameEnd = tag.search(/[\s/]|$/);
    let attrs = '';
    for (const m of tag.slice(nameEnd).matchAll(ATTRIBUTE)) attrs += m[1]?.toLowerCase() === 'style' ? '' : m[0];
    out += src.slice(i, open) + tag.slice(0, nameEnd) + attrs;
    i = end;
  }
  return out + src.slice(i);
}

export interface MailSanitizer {
  /** `inline` maps a normalised cid to a `data:image/…;base64,` URL; anything else in a src is not loaded. */
  sanitize(html: string, inline?: ReadonlyMap<string, string>): SanitizedMail;
}

export function createMailSanitizer(win: Window & typeof globalThis): MailSanitizer {
  const purify = createDOMPurify(win);
  let remoteBlocked = 0;
  let inlineMissing = 0;
  let inline: ReadonlyMap<string, string> = new Map();

  purify.addHook('afterSanitizeAttributes', (node) => {
    const el = node as Element;
    if (typeof el.getAttribute !== 'function') return;
    const tag = el.tagName.toLowerCase();
    const src = el.getAttribute('src');
    if (src !== null) {
      const cid = CID.exec(src)?.[1];
      const picture = tag === 'img' ? (cid ? inline.get(normalizeCid(cid)) : src.trim()) : undefined;
      if (picture && DATA_IMAGE.test(picture)) el.setAttribute('src', picture);
      else {
        if (REMOTE.test(src)) remoteBlocked += 1;
        else if (cid) inlineMissing += 1;
        el.removeAttribute('src');
      }
    }
    const href = el.getAttribute('href');
    if (href !== null) {
      el.removeAttribute('href');
      if (tag === 'a' && /^\s*(?:https?:|mailto:)/i.test(href) && !el.getAttribute('title')) el.setAttribute('title', href.trim().slice(0, 2000));
    }
  });

  return {
    sanitize(html, cids = new Map()) {
      remoteBlocked = 0;
      inlineMissing = 0;
      inline = cids;
      const body = purify.sanitize(dropInlineStyles(html), CONFIG);
      // An image left without a picture is dropped; its alt text stays readable.
      for (const img of [...body.querySelectorAll('img:not([src])')]) {
        const alt = img.getAttribute('alt')?.trim();
        if (alt) img.replaceWith(body.ownerDocument.createTextNode(`[${alt}]`));
        else img.remove();
      }
      const text = (body.textContent ?? '').replace(/\n{3,}/g, '\n\n').trim();
      const doc =
        '<!doctype html><html><head><meta charset="utf-8">' +
        `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src data:">` +
        '<meta name="referrer" content="no-referrer"></head>' +
        `<body bgcolor="#ffffff" text="#1c1c1e" link="#2456c8" vlink="#5b3fb5" marginwidth="16" marginheight="14">` +
        `<font face="${FONT}" size="2">${body.innerHTML}</font></body></html>`;
      return { doc, remoteBlocked, inlineMissing, text };
    },
  };
}

interface TrustedHtmlPolicy {
  createHTML(html: string): unknown;
}
let policy: TrustedHtmlPolicy | null | undefined;

/**
 * Puts a document into a frame's `srcdoc`: as TrustedHTML where the CSP requires Trusted Types
 * (`require-trusted-types-for 'script'`), as the string elsewhere (tests). SECURITY: only ever called with `SanitizedMail.doc`.
 */
export function setFrameDoc(frame: HTMLIFrameElement, doc: string): void {
  if (policy === undefined) {
    const factory = Reflect.get(window, 'trustedTypes') as
      { createPolicy(name: string, rules: { createHTML(s: string): string }): TrustedHtmlPolicy } | undefined;
    policy = factory?.createPolicy('hearth-email-frame', { createHTML: (s) => s }) ?? null;
  }
  Reflect.set(frame, 'srcdoc', policy ? policy.createHTML(doc) : doc);
}
