import { describe, expect, it } from 'vitest';
import { fromKeePassOtp, importedTotp, toOtpauthUri } from './otp';

describe('otp', () => {
  it('keeps otpauth URIs and builds one from a bare secret (spaces and padding dropped)', () => {
    const uri = 'otpauth://totp/A:b?secret=JBSWY3DPEHPK3PXP&issuer=A';
    expect(toOtpauthUri(uri, 'x', 'y')).toBe(uri);
    expect(toOtpauthUri('jbsw y3dp ehpk 3pxp==', 'My Site', 'me@x.org')).toBe(
      'otpauth://totp/My%20Site:me%40x.org?secret=JBSWY3DPEHPK3PXP&period=30&digits=6&issuer=My%20Site',
    );
    expect(toOtpauthUri('steam://ABCDE', '', '')).toBe('otpauth://totp/Steam?secret=ABCDE&period=30&digits=5&issuer=Steam&encoder=steam');
    expect(toOtpauthUri('', 'x', 'y')).toBe('');
  });

  it('reads KeePassXC otp URIs, KeeOTP key=… strings and KeeTrayTOTP seed + settings', () => {
    expect(fromKeePassOtp({ otp: 'otpauth://totp/x?secret=AB', seed: '', settings: '' }, 't', 'u')).toBe('otpauth://totp/x?secret=AB');
    expect(fromKeePassOtp({ otp: 'key=ABCD&step=60&size=8&otpHashMode=Sha256', seed: '', settings: '' }, 'T', '')).toBe(
      'otpauth://totp/T?secret=ABCD&period=60&digits=8&algorithm=SHA256&issuer=T',
    );
    expect(fromKeePassOtp({ otp: '', seed: 'ABCD', settings: '' }, 'T', 'u')).toBe('ABCD');
    expect(fromKeePassOtp({ otp: '', seed: 'ABCD', settings: '30;8' }, 'T', 'u')).toBe('otpauth://totp/T:u?secret=ABCD&period=30&digits=8&issuer=T');
    expect(fromKeePassOtp({ otp: '', seed: 'ABCD', settings: '30;S' }, 'T', '')).toBe('otpauth://totp/T?secret=ABCD&period=30&digits=5&issuer=T&encoder=steam');
    expect(fromKeePassOtp({ otp: '', seed: '', settings: '30;6' }, 'T', '')).toBe('');
  });
});

describe('importedTotp (a bare secret in an import file’s TOTP field)', () => {
  it('keeps URIs and secrets Hearth accepts as typed, and turns short or odd-length secrets into URIs', () => {
    expect(importedTotp('otpauth://totp/x?secret=AB', 'X', 'me')).toBe('otpauth://totp/x?secret=AB');
    expect(importedTotp(' jbsw y3dp ehpk 3pxp ', 'X', 'me')).toBe('jbsw y3dp ehpk 3pxp');
    expect(importedTotp('DFDFDEF', 'Login', 'me@x')).toBe('otpauth://totp/Login:me%40x?secret=DFDFDEF&period=30&digits=6&issuer=Login');
    expect(importedTotp('fsfsfsfsefefef', 'K', '')).toBe('otpauth://totp/K?secret=FSFSFSFSEFEFE&period=30&digits=6&issuer=K');
    expect(importedTotp('JBSWY3DPEHPK3PXPA', 'K', '')).toBe('otpauth://totp/K?secret=JBSWY3DPEHPK3PXP&period=30&digits=6&issuer=K');
    expect(importedTotp('not a secret!', 'K', '')).toBe('not a secret!');
    expect(importedTotp('', 'K', '')).toBe('');
  });
});
