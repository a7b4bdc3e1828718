import createDOMPurify, { type Config } from 'dompurify';
import MarkdownIt from 'markdown-it';
import taskLists from 'markdown-it-task-lists';

/**
 * Markdown → sanitised DOM for the rendered view of an entry (docs/security.md: journal rendering).
 * SECURITY: entries are untrusted text (imports from other apps, pasted web content). Three layers:
 * markdown-it with `html: false` (raw HTML is escaped, not passed through), DOMPurify with a small tag and
 * attribute allow-list, and a final walk that enforces our own URL policy:
 *   - images: only `attachment:<id>` sources, rewritten to a blob ticket URL (`/api/blob/<ticket>`) the caller
 *     fetched; remote and data: images become a "remote image blocked" placeholder (nothing is loaded);
 *   - links: only http(s) and mailto; the page intercepts clicks and opens them outside (never navigates).
 * The result is a DocumentFragment appended with DOM APIs: no innerHTML sink (the CSP requires Trusted Types).
 */

const ALLOWED_TAGS = [
  'p',
  'br',
  'hr',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'em',
  'strong',
  's',
  'del',
  'code',
  'pre',
  'blockquote',
  'ul',
  'ol',
  'li',
  'a',
  'img',
  'table',
  'thead',
  'tbody',
  'tr',
  'th',
  'td',
  'input',
  'label',
  'span',
];
const ALLOWED_ATTR = ['href', 'src', 'alt', 'title', 'class', 'type', 'checked', 'disabled', 'start'];
// SECURITY: forbidden even if a later config change widened the allow-list.
const FORBID_TAGS = ['script', 'style', 'iframe', 'object', 'embed', 'form', 'base', 'meta', 'link', 'svg', 'math', 'frame', 'frameset'];
const CONFIG: Config = {
  ALLOWED_TAGS,
  ALLOWED_ATTR,
  FORBID_TAGS,
  FORBID_ATTR: ['style', 'srcset', 'action', 'formaction', 'xlink:href'],
  // DOMPurify checks every non-"URI-safe" attribute value against this regexp: plain values are declared safe below.
  ALLOWED_URI_REGEXP: /^(?:https?:|mailto:|attachment:)/i,
  ADD_URI_SAFE_ATTR: ['type', 'start'],
  ALLOW_DATA_ATTR: false,
  ALLOW_UNKNOWN_PROTOCOLS: false,
};

export const ATTACHMENT_SRC = /^attachment:([0-9A-HJKMNP-TV-Z]{26})$/;
const TICKET_URL = /^\/api\/blob\/[A-Za-z0-9_-]{43}$/;
const SAFE_LINK = /^(?:https?:\/\/|mailto:)/i;

/** Attachment ids referenced as images in a body (`![x](attachment:<id>)`), to fetch their tickets first. */
export function attachmentIdsIn(body: string): string[] {
  return [...new Set([...body.matchAll(/\(attachment:([0-9A-HJKMNP-TV-Z]{26})\)/g)].map((m) => m[1]!))];
}

export interface MarkdownRenderer {
  /** `images` maps attachment id → ticket URL (`/api/blob/…`); anything else is not loaded. */
  render(markdown: string, images: ReadonlyMap<string, string>): DocumentFragment;
}

export function createMarkdownRenderer(win: Window & typeof globalThis): MarkdownRenderer {
  const md = new MarkdownIt('commonmark', { html: false, linkify: false, typographer: false })
    .enable(['table', 'strikethrough'])
    .use(taskLists, { enabled: false });
  const purify = createDOMPurify(win);
  const doc = win.document;

  const placeholder = (text: string): HTMLElement => {
    const span = doc.createElement('span');
    span.className = 'journal-blocked';
    span.textContent = text;
    return span;
  };

  /** Our URL policy, after DOMPurify: DOMPurify accepts some data: images and relative URLs; we do not. */
  function enforce(root: DocumentFragment, images: ReadonlyMap<string, string>): void {
    for (const img of [...root.querySelectorAll('img')]) {
      const src = img.getAttribute('src') ?? '';
      const id = ATTACHMENT_SRC.exec(src)?.[1];
      const url = id ? images.get(id) : undefined;
      if (!id) img.replaceWith(placeholder('remote image blocked'));
      else if (!url || !TICKET_URL.test(url)) img.replaceWith(placeholder(`missing attachment: ${img.getAttribute('alt') ?? ''}`.trim()));
      else {
        img.setAttribute('src', url);
        img.setAttribute('loading', 'lazy');
        img.setAttribute('data-attachment-id', id);
      }
    }
    for (const a of [...root.querySelectorAll('a')]) {
      const href = a.getAttribute('href') ?? '';
      if (!SAFE_LINK.test(href)) a.removeAttribute('href');
      else {
        a.setAttribute('rel', 'noopener noreferrer');
        a.setAttribute('target', '_blank');
      }
    }
    // Task-list boxes are display only.
    for (const input of [...root.querySelectorAll('input')]) {
      if (input.getAttribute('type') !== 'checkbox') input.remove();
      else input.setAttribute('disabled', '');
    }
  }

  return {
    render(markdown, images) {
      const html = md.render(markdown);
      const fragment = purify.sanitize(html, { ...CONFIG, RETURN_DOM_FRAGMENT: true });
      enforce(fragment, images);
      return fragment;
    },
  };
}
