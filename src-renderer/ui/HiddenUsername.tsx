/**
 * Password forms carry the profile name as a hidden username, so password managers and assistive
 * technology can tell which account a password belongs to (Chromium asks for this).
 */
export function HiddenUsername({ value }: { value: string }) {
  return <input type="text" name="username" autoComplete="username" value={value} readOnly hidden />;
}
