import { FileQuestion } from 'lucide-react';
import { useEffect, useState } from 'react';
import type { FileSummary } from '../../../../src-shared/domains/files/files.schemas';
import { describeError } from '../../../lib/errors';
import { Spinner } from '../../../ui/Spinner';
import { previewUrl } from '../files-actions';
import { previewKind } from '../files-format';
import { PdfPreview } from './PdfPreview';
import { TextPreview } from './TextPreview';

/**
 * The preview of one file (or one of its versions) by its sniffed type; anything else says how to open it.
 * Keyed by content in the parent, so new content starts from a fresh state.
 */
export function FilePreview({ file, versionId }: { file: FileSummary; versionId?: string }) {
  const kind = previewKind(file.mime);
  const [url, setUrl] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (kind === 'none') return;
    let live = true;
    previewUrl(file.id, versionId).then(
      (u) => live && setUrl(u),
      (err: unknown) => live && setError(describeError(err)),
    );
    return () => {
      live = false;
    };
  }, [file.id, file.blobId, versionId, kind]);

  if (kind === 'none') {
    return (
      <div className="flex items-center gap-2.5 rounded-lg border border-dashed border-line px-3 py-4 text-[13px] text-muted">
        <FileQuestion className="size-5 shrink-0 text-faint" aria-hidden />
        No preview for this type. Save a copy to open it in another app.
      </div>
    );
  }
  if (error) return <p className="text-[13px] text-danger">{error}</p>;
  if (!url) {
    return (
      <p className="flex items-center gap-2 text-[13px] text-muted">
        <Spinner /> Opening…
      </p>
    );
  }
  switch (kind) {
    case 'image':
      return (
        <img src={url} alt={file.name} className="max-h-[60vh] w-full rounded-md border border-line bg-subtle object-contain" data-testid="image-preview" />
      );
    case 'pdf':
      return <PdfPreview url={url} name={file.name} />;
    case 'text':
      return <TextPreview url={url} />;
    case 'audio':
      return <audio src={url} controls preload="metadata" className="w-full" data-testid="audio-preview" />;
    case 'video':
      return <video src={url} controls preload="metadata" className="max-h-[60vh] w-full rounded-md bg-black" data-testid="video-preview" />;
  }
}
