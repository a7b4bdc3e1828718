import { useEffect, useState } from 'react';
import { imageUrl } from '../journal-data';
import type { Attachment } from '../journal-types';

/** Inline ticket URLs of an entry's image attachments (the thumbnail when there is one), by attachment id. */
export function useImageUrls(attachments: readonly Attachment[]): ReadonlyMap<string, string> {
  const [images, setImages] = useState<ReadonlyMap<string, string>>(new Map());
  useEffect(() => {
    let live = true;
    const pics = attachments.filter((a) => a.mime.startsWith('image/'));
    Promise.all(pics.map(async (a) => [a.id, await imageUrl(a.thumbnailBlobId ?? a.blobId)] as const)).then(
      (pairs) => live && setImages(new Map(pairs)),
      () => undefined, // No thumbnails in the editor; the text and the attachment list still show the files.
    );
    return () => {
      live = false;
    };
  }, [attachments]);
  return images;
}
