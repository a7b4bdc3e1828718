import { useFileDialog } from '../file-dialogs';
import { ArchiveDialog, SaveCopyDialog } from './ExportDialogs';
import { MoveDialog, NameDialog, PurgeDialog } from './NameDialogs';

/** Whichever dialog is open (one at a time; each remounts fresh). */
export function FilesDialogs() {
  const dialog = useFileDialog((s) => s.dialog);
  if (!dialog) return null;
  switch (dialog.kind) {
    case 'new-folder':
    case 'rename-file':
    case 'rename-folder':
      return <NameDialog dialog={dialog} />;
    case 'move':
      return <MoveDialog dialog={dialog} />;
    case 'purge':
      return <PurgeDialog dialog={dialog} />;
    case 'save-copy':
      return <SaveCopyDialog dialog={dialog} />;
    case 'archive':
      return <ArchiveDialog dialog={dialog} />;
  }
}
