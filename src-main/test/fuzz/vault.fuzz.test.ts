import { fuzzSuite } from './harness';

/**
 * Issue 13: the vault importers fuzzed (harness.ts): Bitwarden JSON (plain and password-protected) and CSV, every
 * other CSV dialect, KDBX 4/3.1, KeePass XML, 1PUX and the OTP readers. Fixture seeds join when the shared sample files are present
 * (the KDBX and encrypted Bitwarden samples are left out: their real KDF settings cost seconds per case).
 */
fuzzSuite('vault importers fuzz', {
  'vault.bitwarden-json': [['vault/bitwarden', /^(keepassxc-bitwarden_export|pass-import-bitwarden)\.json$/]],
  'vault.bitwarden-encrypted': [],
  'vault.bitwarden-csv': [['vault/bitwarden', /\.csv$/]],
  'vault.keepassxc-csv': [['vault/keepass', /\.csv$/]],
  'vault.1password-csv': [['vault/1password', /\.csv$/]],
  'vault.chrome-csv': [['vault/browsers', /chrome\.csv$/]],
  'vault.firefox-csv': [['vault/browsers', /firefox\.csv$/]],
  'vault.safari-csv': [],
  'vault.kdbx': [],
  'vault.keepass-xml': [['vault/keepass', /\.xml$/, 2]],
  'vault.1pux': [['vault/1password', /\.1pux$/]],
  'vault.otp': [['otp', /\.(json|txt)$/]],
});
