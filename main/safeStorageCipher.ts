import type { SecretCipher } from '../src/api/secrets.js';

/** The part of Electron's `safeStorage` used here (kept structural so this file stays testable). */
export type SafeStorageLike = {
  isEncryptionAvailable(): boolean;
  encryptString(plain: string): Buffer;
  decryptString(data: Buffer): string;
  getSelectedStorageBackend?(): string;
};

/**
 * Secrets sealed by the OS keychain (Keychain, DPAPI, libsecret/kwallet). On Linux without a
 * keyring Electron falls back to a hard-coded key (`basic_text`): that is NOT secure, so it is
 * reported as such and the UI warns.
 */
export function safeStorageCipher(
  storage: SafeStorageLike,
  platform: NodeJS.Platform = process.platform,
): SecretCipher | undefined {
  if (!storage.isEncryptionAvailable()) return undefined;
  const backend = platform === 'linux' ? storage.getSelectedStorageBackend?.() : undefined;
  return {
    secure: backend !== 'basic_text' && backend !== 'unknown',
    encrypt: (plain) => storage.encryptString(plain),
    decrypt: (data) => storage.decryptString(data),
  };
}
