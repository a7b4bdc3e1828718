// electron-builder afterPack hook (electron-builder.yml → afterPack): flips the Electron fuses of the packaged
// binary per docs/security.md#fuses. afterPack runs before electron-builder signs, so the signature covers the
// flipped binary. scripts/check-fuses.mjs reads them back in release CI.
'use strict';

/**
 * The fuse table we ship, by FuseV1Options name. Every V1 fuse is listed and the flip uses
 * strictlyRequireAllFuses, so a fuse added by a later Electron/@electron/fuses fails packaging until decided.
 */
const HEARTH_FUSES = Object.freeze({
  // SECURITY: ELECTRON_RUN_AS_NODE would turn the signed binary into a general Node runtime.
  RunAsNode: false,
  // SECURITY: one-way switch; Chromium's cookie store encrypted with the OS key store.
  EnableCookieEncryption: true,
  // SECURITY: no NODE_OPTIONS (--require) injection.
  EnableNodeOptionsEnvironmentVariable: false,
  // SECURITY: no --inspect / SIGUSR1 debugger on main, where the keys live.
  EnableNodeCliInspectArguments: false,
  // SECURITY: validate app.asar against the hash electron-builder embeds (macOS; Windows from Electron 30).
  EnableEmbeddedAsarIntegrityValidation: true,
  // SECURITY: without it, an app/ folder next to app.asar would bypass the integrity check.
  OnlyLoadAppFromAsar: true,
  // Not security relevant for us; Electron's default.
  LoadBrowserProcessSpecificV8Snapshot: false,
  // SECURITY: we never use file://, so it gets no extra privileges.
  GrantFileProtocolExtraPrivileges: false,
});

/**
 * The Electron binary inside a packed app folder, named as electron-builder names it
 * (app-builder-lib platformPackager.addElectronFuses): <productFilename>.app on macOS,
 * <productFilename>.exe on Windows, the Linux packager's executableName on Linux.
 */
function electronBinaryPath(context) {
  const { appOutDir, electronPlatformName, packager } = context;
  const sep = electronPlatformName === 'win32' ? '\\' : '/';
  const inOut = (name) => `${appOutDir.replace(/[\\/]+$/, '')}${sep}${name}`;
  switch (electronPlatformName) {
    case 'darwin':
    case 'mas':
      return inOut(`${packager.appInfo.productFilename}.app`);
    case 'win32':
      return inOut(`${packager.appInfo.productFilename}.exe`);
    case 'linux':
      return inOut(packager.executableName);
    default:
      throw new Error(`fuses: unsupported platform ${electronPlatformName}`);
  }
}

/** @param {import('app-builder-lib').AfterPackContext} context */
async function afterPack(context) {
  const { flipFuses, FuseV1Options, FuseVersion } = await import('@electron/fuses');
  const binary = electronBinaryPath(context);
  const isMac = context.electronPlatformName === 'darwin' || context.electronPlatformName === 'mas';
  const wire = {};
  for (const [name, value] of Object.entries(HEARTH_FUSES)) {
    if (FuseV1Options[name] === undefined) throw new Error(`fuses: @electron/fuses has no option ${name}`);
    wire[FuseV1Options[name]] = value;
  }
  console.log(`  • flipping Electron fuses  file=${binary}`);
  await flipFuses(binary, {
    version: FuseVersion.V1,
    // Flipping invalidates the ad-hoc signature of arm64 macOS binaries; re-sign ad hoc (real signing follows).
    resetAdHocDarwinSignature: isMac,
    strictlyRequireAllFuses: true,
    ...wire,
  });
}

module.exports = afterPack;
module.exports.default = afterPack;
module.exports.HEARTH_FUSES = HEARTH_FUSES;
module.exports.electronBinaryPath = electronBinaryPath;
