import { useNavigationStore } from './navigation.store';

/** A record of some module that another module links to (a file's "Linked from", an attachment's owner). */
export interface RecordRef {
  domain: 'vault' | 'batches' | 'journal' | 'calendar' | 'goals' | 'files' | 'email';
  id: string;
}

/**
 * Opens a record in its module: switches the page and asks that module's store to open the record. Lives in
 * the composition root (app/), which may reach into domain stores, so domains link to each other without
 * importing each other's internals (docs/architecture.md#layering). The stores load on demand, like the pages.
 */
export async function openRecord({ domain, id }: RecordRef): Promise<void> {
  const go = useNavigationStore.getState().go;
  switch (domain) {
    case 'vault': {
      const { useVaultStore } = await import('../domains/vault/vault.store');
      const vault = useVaultStore.getState();
      // The item may sit outside the current filter (a folder, the trash): show everything, then open it.
      if (vault.filter.kind !== 'all' && vault.filter.kind !== 'trash') vault.setFilter({ kind: 'all' });
      go('vault');
      await vault.select(id);
      return;
    }
    case 'batches': {
      const { useBatchesStore } = await import('../domains/batches/batches.store');
      go('batches');
      useBatchesStore.getState().open(id);
      return;
    }
    case 'files': {
      const { revealFile } = await import('../domains/files/files.store');
      go('files');
      await revealFile(id);
      return;
    }
    case 'journal': {
      const { useJournalStore } = await import('../domains/journal/journal.store');
      go('journal');
      await useJournalStore.getState().open(id);
      return;
    }
    case 'goals': {
      // A task opens in its editor; a goal or milestone (the calendar's overlay) opens the goals section.
      const { useGoalsStore } = await import('../domains/goals/goals.store');
      go('goals');
      await useGoalsStore.getState().openRecord(id);
      return;
    }
    case 'email': {
      const { revealMessage } = await import('../domains/email/email.store');
      go('email');
      revealMessage(id);
      return;
    }
    default:
      // The calendar opens its page; it has no deep link yet.
      go(domain);
  }
}
