import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { ImportAttachments } from './ImportAttachments';

describe('ImportAttachments', () => {
  it('names every entry and its attachment files, and renders nothing when there are none', () => {
    const html = renderToStaticMarkup(
      <ImportAttachments
        attachments={[
          { item: 'Email/Work mail', files: ['a.pdf', 'b.png'] },
          { item: 'Bank', files: ['scan.jpg'] },
        ]}
      />,
    );
    const text = html.replace(/<[^>]+>/g, '');
    expect(text).toContain('Email/Work mail: 2 attachments (a.pdf, b.png) will not be imported');
    expect(text).toContain('Bank: 1 attachment (scan.jpg) will not be imported');
    expect(renderToStaticMarkup(<ImportAttachments attachments={[]} />)).toBe('');
  });
});
