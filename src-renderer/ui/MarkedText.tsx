/** Text with some parts marked (search matches) in <mark>: React text nodes only, so the text can never become markup. */
export function MarkedText({ parts, className }: { parts: readonly { text: string; mark: boolean }[]; className?: string }) {
  return (
    <span className={className}>
      {parts.map((part, i) =>
        part.mark ? (
          <mark key={i} className="rounded-sm bg-warning-soft px-0.5 text-text">
            {part.text}
          </mark>
        ) : (
          <span key={i}>{part.text}</span>
        ),
      )}
    </span>
  );
}
