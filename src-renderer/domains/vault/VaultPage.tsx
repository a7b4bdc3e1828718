import { useEffect, useRef, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { ExportDialog } from './components/ExportDialog';
import { FilterSidebar } from './components/FilterSidebar';
import { ImportWizard } from './components/ImportWizard';
import { ItemDetailPane } from './components/ItemDetailPane';
import { ItemEditor } from './components/ItemEditor';
import { ItemList } from './components/ItemList';
import { RepromptDialog } from './components/RepromptDialog';
import { useVaultShortcuts } from './components/useVaultShortcuts';
import { VaultToast } from './components/VaultToast';
import { useVaultStore } from './vault.store';

/**
 * The vault: filters on the left, the searchable list in the middle, the open item (or the editor)
 * on the right. Keyboard-first; secrets stay in main except for one timed reveal at a time.
 */
export function VaultPage() {
  const start = useVaultStore((s) => s.start);
  const startEdit = useVaultStore((s) => s.startEdit);
  const editor = useVaultStore(useShallow((s) => s.editor));
  const searchRef = useRef<HTMLInputElement>(null);
  const detailRef = useRef<HTMLDivElement>(null);
  const [importing, setImporting] = useState(false);
  const [exporting, setExporting] = useState(false);
  useVaultShortcuts(searchRef);

  useEffect(() => start(), [start]);
  useEffect(() => searchRef.current?.focus(), []);

  return (
    <div className="@container h-full">
      <div className="flex h-full min-h-0" data-testid="vault-page">
        <FilterSidebar onImport={() => setImporting(true)} onExport={() => setExporting(true)} />
        <ItemList searchRef={searchRef} onOpen={() => detailRef.current?.focus()} onImport={() => setImporting(true)} />
        <section aria-label="Item" className="min-w-0 flex-1 overflow-hidden bg-canvas">
          {editor ? (
            <ItemEditor key={editor.mode === 'edit' ? editor.id : `new-${editor.type}`} />
          ) : (
            <div className="h-full overflow-y-auto">
              <ItemDetailPane paneRef={detailRef} onEdit={startEdit} />
            </div>
          )}
        </section>
      </div>
      <RepromptDialog />
      <ImportWizard open={importing} onOpenChange={setImporting} />
      <ExportDialog open={exporting} onOpenChange={setExporting} />
      <VaultToast />
    </div>
  );
}
