/** A keyboard key hint, e.g. <Kbd>{shortcutLabel('L')}</Kbd>. */
export function Kbd({ children }: { children: string }) {
  return <kbd className="kbd">{children}</kbd>;
}
