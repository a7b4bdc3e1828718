// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import payloads from './xss-payloads.json';
import { attachmentIdsIn, createMarkdownRenderer } from './render';

const renderer = createMarkdownRenderer(window);
const ATTACHMENT = '01ARZ3NDEKTSV4RRFFQ69G5FAV';
const TICKET = `/api/blob/${'A'.repeat(43)}`;
const images = new Map([[ATTACHMENT, TICKET]]);

/** Renders into a detached element, as the page does (DOM append, no innerHTML sink). */
function renderToElement(markdown: string): HTMLElement {
  const box = document.createElement('div');
  box.append(renderer.render(markdown, images));
  return box;
}

const DANGEROUS_TAGS = 'script, iframe, object, embed, style, form, base, meta, link, svg, math, frame, frameset, noscript, template';

/** Everything the brief forbids in rendered output; returns the problems found (empty when safe). */
function problemsIn(box: HTMLElement): string[] {
  const problems: string[] = [];
  for (const el of box.querySelectorAll(DANGEROUS_TAGS)) problems.push(`<${el.localName}> element`);
  for (const el of box.querySelectorAll('*')) {
    for (const attr of el.attributes) {
      const name = attr.name.toLowerCase();
      const value = [...attr.value]
        .filter((c) => c.charCodeAt(0) > 0x20)
        .join('')
        .toLowerCase();
      if (name.startsWith('on')) problems.push(`${name} attribute on <${el.localName}>`);
      if (name === 'style' || name === 'srcset' || name === 'formaction') problems.push(`${name} attribute`);
      if (/^(?:javascript|vbscript|data|file):/.test(value)) problems.push(`${name}=${attr.value} on <${el.localName}>`);
      if (name === 'src' && attr.value !== TICKET) problems.push(`src ${attr.value} is not an attachment ticket`);
      if (name === 'href' && !/^(?:https?:\/\/|mailto:)/i.test(attr.value)) problems.push(`href ${attr.value} is not http(s)/mailto`);
    }
  }
  return problems;
}

describe('journal Markdown rendering (XSS corpus)', () => {
  it('has a corpus of at least 50 payloads', () => {
    expect(payloads.length).toBeGreaterThanOrEqual(50);
  });

  it.each(payloads.map((p, i) => [i, p] as const))('payload %i renders inert', (_i, payload) => {
    for (const markdown of [payload, `Before\n\n${payload}\n\nafter`, `# ${payload}`, `- ${payload}`]) {
      expect(problemsIn(renderToElement(markdown)), markdown).toEqual([]);
    }
  });

  it('the checker itself catches what it looks for', () => {
    const bad = document.createElement('div');
    const img = document.createElement('img');
    img.setAttribute('src', 'javascript:alert(1)');
    img.setAttribute('onerror', 'alert(1)');
    bad.append(img, document.createElement('script'));
    expect(problemsIn(bad)).toHaveLength(4);
  });
});

describe('journal Markdown rendering (what it keeps)', () => {
  it('renders CommonMark, GFM tables, strikethrough and task lists', () => {
    const box = renderToElement('# Title\n\n**bold** *it* ~~gone~~\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n- [x] done\n- [ ] todo');
    expect(box.querySelector('h1')?.textContent).toBe('Title');
    expect(box.querySelector('strong')?.textContent).toBe('bold');
    expect(box.querySelector('em')?.textContent).toBe('it');
    expect(box.querySelector('s, del')?.textContent).toBe('gone');
    expect(box.querySelectorAll('td')).toHaveLength(2);
    const boxes = [...box.querySelectorAll('input')];
    expect(boxes.map((b) => [b.type, b.checked, b.disabled])).toEqual([
      ['checkbox', true, true],
      ['checkbox', false, true],
    ]);
  });

  it('escapes raw HTML as text instead of dropping what the user wrote', () => {
    const box = renderToElement('Say <b>hi</b> & <script>alert(1)</script>');
    expect(box.querySelector('b, script')).toBeNull();
    expect(box.textContent).toContain('<b>hi</b>');
  });

  it('rewrites attachment images to their ticket URL and blocks every other image source', () => {
    const box = renderToElement(`![cat](attachment:${ATTACHMENT}) ![remote](https://evil.example/p.png) ![gone](attachment:01ARZ3NDEKTSV4RRFFQ69G5FAW)`);
    const imgs = [...box.querySelectorAll('img')];
    expect(imgs.map((i) => [i.getAttribute('src'), i.alt, i.dataset.attachmentId])).toEqual([[TICKET, 'cat', ATTACHMENT]]);
    expect([...box.querySelectorAll('.journal-blocked')].map((s) => s.textContent)).toEqual(['remote image blocked', 'missing attachment: gone']);
  });

  it('refuses a ticket URL that is not one of ours', () => {
    const other = createMarkdownRenderer(window);
    const box = document.createElement('div');
    box.append(other.render(`![x](attachment:${ATTACHMENT})`, new Map([[ATTACHMENT, 'https://evil.example/x.png']])));
    expect(box.querySelector('img')).toBeNull();
  });

  it('keeps http(s) and mailto links, opened outside the page, and strips the rest', () => {
    const box = renderToElement('[web](https://example.org/a) [mail](mailto:a@example.org) [rel](/x) [js](javascript:alert(1))');
    const links = [...box.querySelectorAll('a')];
    // markdown-it already refuses to make a javascript: link (it stays text); a relative one loses its href.
    expect(links.map((a) => a.getAttribute('href'))).toEqual(['https://example.org/a', 'mailto:a@example.org', null]);
    expect(box.textContent).toContain('[js](javascript:alert(1))');
    expect(links[0]?.getAttribute('rel')).toBe('noopener noreferrer');
  });

  it('lists the attachment ids a body shows as images', () => {
    expect(attachmentIdsIn(`![a](attachment:${ATTACHMENT}) and again ![b](attachment:${ATTACHMENT}) [no](attachment:bad)`)).toEqual([ATTACHMENT]);
  });
});
