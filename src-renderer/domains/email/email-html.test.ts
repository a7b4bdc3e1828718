// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { highlightParts } from './email-format';
import { cidsIn, createMailSanitizer, dropInlineStyles } from './email-html';
import { mailFiles } from './email-upload';

const PNG = 'data:image/png;base64,iVBORw0KGgo=';

describe('createMailSanitizer', () => {
  const s = createMailSanitizer(window);

  it('removes scripts, handlers, styles, forms and frames, and keeps the text and presentational attributes', () => {
    const r = s.sanitize(
      '<html><head><style>body{background:url(https://x.test/a.png)}</style><script>alert(1)</script></head>' +
        '<body onload="x()"><p style="color:red" onclick="y()">Déjà vu, É</p><form action="https://evil.test"><input name="q"></form>' +
        '<iframe src="https://evil.test"></iframe><svg><image href="https://x.test/s.png"/></svg><table bgcolor="#eee" width="600"><tr><td align="center">cell</td></tr></table></body></html>',
    );
    for (const bad of ['<script', 'alert', 'onload', 'onclick', 'style', '<form', '<input', '<iframe', '<svg', 'evil.test', 'x.test'])
      expect(r.doc).not.toContain(bad);
    expect(r.doc).toContain('Déjà vu, É');
    expect(r.doc).toContain('bgcolor="#eee"');
    expect(r.doc).toContain('align="center"');
    expect(r.doc).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src data:">`);
    expect(r.text).toContain('Déjà vu, É');
  });

  it('blocks remote images (counted), keeps data: images, fills cid: images from the map and drops the rest', () => {
    const html =
      '<img src="https://track.test/p.gif" width="1"><img src="//cdn.test/logo.png" alt="Logo"><img srcset="https://a.test/x 2x" src="http://a.test/y">' +
      `<img src="${PNG}" alt="inline"><img src="cid:Part1.ABC@host" alt="chart"><img src="cid:missing@host">` +
      '<table background="https://bg.test/b.jpg"><tr><td background="http://bg.test/c.jpg">x</td></tr></table>';
    const r = s.sanitize(html, new Map([['part1.abc@host', PNG]]));
    expect(r.remoteBlocked).toBe(3);
    expect(r.inlineMissing).toBe(1);
    expect(r.doc).not.toMatch(/https?:|\/\/cdn|srcset|background=/);
    expect(r.doc.match(/<img src="data:image\/png/g)).toHaveLength(2);
    expect(r.doc).toContain('[Logo]');
  });

  it('makes links inert: no href, the address in the title', () => {
    const r = s.sanitize('<a href="https://example.org/x?y=1">here</a> <a href="javascript:alert(1)">bad</a>');
    expect(r.doc).not.toContain('href');
    expect(r.doc).not.toContain('javascript');
    expect(r.doc).toContain('title="https://example.org/x?y=1"');
  });

  it('lists the cids a body uses', () => {
    expect(cidsIn('<img src="cid:A@b"><img src=\'cid:<c@d>\'><img src="cid:a@b">')).toEqual(['a@b', 'c@d']);
  });
});

describe('helpers', () => {
  it('splits a search highlight into marked parts', () => {
    expect(highlightParts('a \u0002chat\u0003 line \u0002x\u0003')).toEqual([
      { text: 'a ', mark: false },
      { text: 'chat', mark: true },
      { text: ' line ', mark: false },
      { text: 'x', mark: true },
    ]);
  });

  it('keeps only mail files (and Apple Mail attachments beside partial .emlx) from a folder pick', () => {
    const file = (path: string) => Object.defineProperty(new File(['x'], path.split('/').at(-1) ?? path), 'webkitRelativePath', { value: path });
    const picked = mailFiles([
      file('Mail/a.eml'),
      file('Mail/.DS_Store'),
      file('Mail/Messages/1.partial.emlx'),
      file('Mail/Attachments/1/2/x.png'),
      file('Mail/notes.txt'),
    ]);
    expect(picked.map((p) => p.path)).toEqual(['Mail/a.eml', 'Mail/Messages/1.partial.emlx', 'Mail/Attachments/1/2/x.png']);
    expect(mailFiles([new File(['x'], 'takeout.mbox')]).map((p) => p.path)).toEqual(['takeout.mbox']);
  });
});

describe('dropInlineStyles', () => {
  it('takes out style elements and attributes, and nothing else', () => {
    const html = `<style>p{color:red}</style><p class="a" style="color: red; content: '>'" title='x style=y'>a > b style=c</p><td STYLE=x width=3>1 < 2</td>`;
    expect(dropInlineStyles(html)).toBe(`<p class="a"  title='x style=y'>a > b style=c</p><td  width=3>1 < 2</td>`);
  });
});
