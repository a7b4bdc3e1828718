import { File, FileAudio, FileImage, FileText, FileVideo, Folder } from 'lucide-react';
import { useEffect, useState } from 'react';
import { cx } from '../../../ui/cx';
import { thumbnailUrl } from '../thumbnails';
import { previewKind } from '../files-format';

const ICONS = { image: FileImage, pdf: FileText, text: FileText, audio: FileAudio, video: FileVideo, none: File };

/** A file's picture: its thumbnail when main made one, else an icon for its type. */
export function FileIcon({ mime, thumbnailId, size = 'sm' }: { mime: string; thumbnailId?: string | null; size?: 'sm' | 'lg' }) {
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    if (!thumbnailId) return;
    let live = true;
    void thumbnailUrl(thumbnailId).then((u) => live && setUrl(u));
    return () => {
      live = false;
    };
  }, [thumbnailId]);
  const box = size === 'sm' ? 'size-7 rounded-md' : 'h-24 w-full rounded-lg';
  if (thumbnailId && url) return <img src={url} alt="" className={cx(box, 'shrink-0 bg-subtle object-cover')} />;
  const Icon = ICONS[previewKind(mime)];
  return (
    <span className={cx(box, 'flex shrink-0 items-center justify-center bg-subtle text-muted')} aria-hidden>
      <Icon className={size === 'sm' ? 'size-4' : 'size-8'} strokeWidth={1.75} />
    </span>
  );
}

export function FolderIcon({ size = 'sm' }: { size?: 'sm' | 'lg' }) {
  return (
    <span
      className={cx(size === 'sm' ? 'size-7 rounded-md' : 'h-24 w-full rounded-lg', 'flex shrink-0 items-center justify-center bg-accent-soft text-accent')}
      aria-hidden
    >
      <Folder className={size === 'sm' ? 'size-4' : 'size-8'} strokeWidth={1.75} />
    </span>
  );
}
