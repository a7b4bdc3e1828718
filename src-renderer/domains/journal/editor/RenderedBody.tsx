import { useEffect, useRef, useState, type MouseEvent } from 'react';
import { attachmentIdsIn, createMarkdownRenderer } from '../render';
import { bootstrap, imageUrl, openExternal } from '../journal-data';
import type { Attachment } from '../journal-types';

const renderer = createMarkdownRenderer(window);

/** The prose look of rendered Markdown (arbitrary variants: the app has no typography plugin). */
const PROSE = [
  'max-w-[72ch] text-[15px] leading-relaxed text-text break-words',
  '[&_h1]:mt-4 [&_h1]:mb-2 [&_h1]:text-2xl [&_h1]:font-semibold [&_h2]:mt-4 [&_h2]:mb-2 [&_h2]:text-xl [&_h2]:font-semibold',
  '[&_h3]:mt-3 [&_h3]:mb-1 [&_h3]:text-lg [&_h3]:font-semibold [&_p]:my-2 [&_ul]:my-2 [&_ul]:list-disc [&_ul]:pl-6 [&_ol]:my-2 [&_ol]:list-decimal [&_ol]:pl-6',
  '[&_.contains-task-list]:list-none [&_.contains-task-list]:pl-1 [&_input]:mr-1.5 [&_a]:text-accent [&_a]:underline',
  '[&_blockquote]:border-l-2 [&_blockquote]:border-line-strong [&_blockquote]:pl-3 [&_blockquote]:text-muted',
  '[&_code]:rounded [&_code]:bg-subtle [&_code]:px-1 [&_code]:font-mono [&_code]:text-[0.9em] [&_pre]:my-2 [&_pre]:overflow-x-auto [&_pre]:rounded-md [&_pre]:bg-subtle [&_pre]:p-3',
  '[&_table]:my-2 [&_table]:border-collapse [&_td]:border [&_td]:border-line [&_td]:px-2 [&_td]:py-1 [&_th]:border [&_th]:border-line [&_th]:px-2 [&_th]:py-1',
  '[&_img]:my-2 [&_img]:max-h-[420px] [&_img]:max-w-full [&_img]:rounded-md',
  '[&_.journal-blocked]:inline-block [&_.journal-blocked]:rounded [&_.journal-blocked]:border [&_.journal-blocked]:border-dashed',
  '[&_.journal-blocked]:border-line-strong [&_.journal-blocked]:px-2 [&_.journal-blocked]:py-1 [&_.journal-blocked]:text-xs [&_.journal-blocked]:text-faint',
].join(' ');

let transport: Promise<string> | null = null;

/** Opens an http(s)/mailto link outside the app: never navigates this window. */
async function openLink(url: string): Promise<void> {
  transport ??= bootstrap().then((i) => i.transport);
  // SECURITY: browser mode opens a new tab with no opener; the desktop app asks main, which checks the URL again.
  if ((await transport) === 'web') window.open(url, '_blank', 'noopener,noreferrer');
  else await openExternal(url);
}

/** An entry's body rendered from Markdown: sanitised DOM appended with DOM APIs, attachment images by ticket. */
export default function RenderedBody({ body, attachments }: { body: string; attachments: readonly Attachment[] }) {
  const box = useRef<HTMLDivElement>(null);
  const [images, setImages] = useState<ReadonlyMap<string, string>>(new Map());

  useEffect(() => {
    let live = true;
    const wanted = attachmentIdsIn(body)
      .map((id) => attachments.find((a) => a.id === id))
      .filter((a): a is Attachment => a !== undefined && a.mime.startsWith('image/'));
    Promise.all(wanted.map(async (a) => [a.id, await imageUrl(a.blobId)] as const)).then(
      (pairs) => live && setImages(new Map(pairs)),
      () => undefined, // A missing ticket shows as "missing attachment" in the text.
    );
    return () => {
      live = false;
    };
  }, [body, attachments]);

  useEffect(() => {
    box.current?.replaceChildren(renderer.render(body, images));
  }, [body, images]);

  const onClick = (event: MouseEvent) => {
    const link = (event.target as Element).closest('a');
    if (!link) return;
    // SECURITY: the page itself never follows a link from an entry.
    event.preventDefault();
    const href = link.getAttribute('href');
    if (href && /^(?:https?:\/\/|mailto:)/i.test(href)) void openLink(href);
  };

  return <div ref={box} className={PROSE} onClick={onClick} data-testid="entry-rendered" />;
}
