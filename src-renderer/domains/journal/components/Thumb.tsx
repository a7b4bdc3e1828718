import { ImageOff } from 'lucide-react';
import { useEffect, useState } from 'react';
import { cx } from '../../../ui/cx';
import { imageUrl } from '../journal-data';

/** A stored image by blob id (a thumbnail or an attachment), through a short-lived inline ticket. */
export function Thumb({ blobId, alt, className }: { blobId: string; alt: string; className?: string }) {
  const [url, setUrl] = useState<string | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    let live = true;
    imageUrl(blobId).then(
      (u) => live && setUrl(u),
      () => live && setFailed(true),
    );
    return () => {
      live = false;
    };
  }, [blobId]);
  if (failed)
    return (
      <span className={cx('flex items-center justify-center bg-subtle text-faint', className)} title="Image not available">
        <ImageOff className="size-4" aria-hidden />
      </span>
    );
  if (!url) return <span className={cx('block animate-pulse bg-subtle', className)} aria-hidden />;
  return <img src={url} alt={alt} className={cx('object-cover', className)} draggable={false} onError={() => setFailed(true)} />;
}
