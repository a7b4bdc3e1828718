import { openRecord } from '../../../app/open-record';
import { Toast } from '../../../ui/Toast';
import { say, useMailStore } from '../email.store';

const dismiss = () => say(null);

/** One short line at the bottom (saved, added to the calendar, an error), with "Open" for what a link made. */
export function MailToast() {
  const notice = useMailStore((s) => s.notice);
  const target = notice?.open;
  return (
    <Toast
      notice={notice}
      onDismiss={dismiss}
      lingerMs={notice?.tone === 'danger' || target ? 10_000 : 6_000}
      testId="mail-toast"
      action={
        target ? (
          <button
            type="button"
            className="shrink-0 font-medium text-accent underline-offset-2 hover:underline"
            onClick={() => {
              dismiss();
              void openRecord(target);
            }}
            data-testid="mail-toast-open"
          >
            Open
          </button>
        ) : null
      }
    />
  );
}
