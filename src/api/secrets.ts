import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { writeFileAtomic } from '../util/atomicWrite.js';

/**
 * How secrets are encrypted at rest. The Electron shell supplies the OS keychain
 * (safeStorage); elsewhere (browser host, CLI) the fallback below is used and the UI is told
 * (`secure: false`) so it can warn.
 */
export type SecretCipher = {
  /** True when the key is held by the OS (keychain, DPAPI, libsecret), not in a file beside the data. */
  readonly secure: boolean;
  encrypt(plain: string): Buffer;
  decrypt(data: Buffer): string;
};

/**
 * AES-256-GCM with a random key in `<data>/secret.key` (owner-only). It keeps secrets out of
 * plain sight (backups, screen shares, grep), but anyone who can read the data folder can read
 * the key too — hence `secure: false`.
 */
export function fileKeyCipher(dataDir: string): SecretCipher {
  const keyFile = join(dataDir, 'secret.key');
  let key: Buffer | undefined;
  const loadKey = () => {
    if (key) return key;
    try {
      key = readFileSync(keyFile);
    } catch {
      mkdirSync(dataDir, { recursive: true });
      key = randomBytes(32);
      writeFileSync(keyFile, key, { mode: 0o600, flag: 'wx' });
    }
    return key;
  };
  return {
    secure: false,
    encrypt(plain) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', loadKey(), iv);
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return Buffer.concat([iv, cipher.getAuthTag(), body]);
    },
    decrypt(data) {
      const decipher = createDecipheriv('aes-256-gcm', loadKey(), data.subarray(0, 12));
      decipher.setAuthTag(data.subarray(12, 28));
      return Buffer.concat([decipher.update(data.subarray(28)), decipher.final()]).toString('utf8');
    },
  };
}

const vaultSchema = z.record(z.string(), z.string());

/**
 * Vault names shared by the Designer and the Assistant for the Orchestrator connection in
 * settings: the integration API key (publishing, admin reads). Never stored in settings.json.
 */
export const ORCHESTRATOR_API_KEY_SECRET = 'orchestrator.apiKey';

export type SecretVault = {
  readonly secure: boolean;
  names(): Promise<string[]>;
  get(name: string): Promise<string | undefined>;
  set(name: string, value: string): Promise<void>;
  delete(name: string): Promise<void>;
};

/** Named secrets, each encrypted on its own, in `<data>/secrets.json`. */
export function createSecretVault(dataDir: string, cipher: SecretCipher): SecretVault {
  const file = join(dataDir, 'secrets.json');
  const load = async () => {
    const text = await readFile(file, 'utf8').catch(() => '{}');
    return vaultSchema.parse(JSON.parse(text));
  };
  const save = (entries: Record<string, string>) =>
    writeFileAtomic(file, `${JSON.stringify(entries, null, 2)}\n`);
  return {
    secure: cipher.secure,
    names: async () => Object.keys(await load()).sort(),
    async get(name) {
      const sealed = (await load())[name];
      return sealed === undefined ? undefined : cipher.decrypt(Buffer.from(sealed, 'base64'));
    },
    async set(name, value) {
      const entries = await load();
      entries[name] = cipher.encrypt(value).toString('base64');
      await save(entries);
    },
    async delete(name) {
      const entries = await load();
      delete entries[name];
      await save(entries);
    },
  };
}
