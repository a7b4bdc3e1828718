import { Toast } from '../../../ui/Toast';
import { say, useFilesStore } from '../files.store';

const dismiss = () => say(null);

/** One short line at the bottom ("Added 12 files · 2 were already in Files"); errors stay longer. */
export function FilesToast() {
  const notice = useFilesStore((s) => s.notice);
  return <Toast notice={notice} onDismiss={dismiss} lingerMs={notice?.tone === 'danger' ? 12_000 : 6_000} testId="files-toast" />;
}
