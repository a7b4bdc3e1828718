import { Callout } from '../../../ui/Callout';

/** What a tools dialog ended with: the success line (with its test id) or the error, each in its callout. */
export function DialogOutcome({ done, error, testId, className = 'mt-3' }: { done: string | null; error: string | null; testId: string; className?: string }) {
  return (
    <>
      {done ? (
        <Callout className={className}>
          <span data-testid={testId}>{done}</span>
        </Callout>
      ) : null}
      {error ? (
        <Callout tone="danger" className={className}>
          {error}
        </Callout>
      ) : null}
    </>
  );
}
