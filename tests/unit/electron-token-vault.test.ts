import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createTokenVault, SafeStorageTokenVault, type SafeStorageLike } from '../../main/app/safeStorageVault';
import { FileTokenVault } from '../../main/core/sharing/tokenVault';
import { useTempDirs } from './helpers/tempDir';

const tempDir = useTempDirs();

/** A stand-in for Electron's safeStorage (no Electron binary here): a reversible byte scramble. */
function standInSafeStorage(backend = 'gnome_libsecret', available = true): SafeStorageLike {
  return {
    isEncryptionAvailable: () => available,
    getSelectedStorageBackend: () => backend,
    encryptString: (text) => Buffer.from([...Buffer.from(`enc:${text}`)].map((byte) => byte ^ 0x5a)),
    decryptString: (bytes) => {
      const text = Buffer.from([...bytes].map((byte) => byte ^ 0x5a)).toString();
      if (!text.startsWith('enc:')) throw new Error('not ours');
      return text.slice(4);
    },
  };
}

describe('where the hub token is kept', () => {
  it('is encrypted with the OS key store in the desktop app, never written in clear', () => {
    const dir = tempDir();
    const vault = createTokenVault(standInSafeStorage(), dir);
    expect(vault).toBeInstanceOf(SafeStorageTokenVault);
    vault.save('fbd_secret-token');
    const onDisk = readFileSync(join(dir, 'hub-token.enc'));
    expect(onDisk.toString('latin1')).not.toContain('fbd_secret-token');
    expect(vault.load()).toBe('fbd_secret-token');
    expect(statSync(join(dir, 'hub-token.enc')).mode & 0o777).toBe(0o600);
    vault.clear();
    expect(existsSync(join(dir, 'hub-token.enc'))).toBe(false);
    expect(vault.load()).toBeNull();
  });

  it('falls back to an owner-only file, and says so, where the OS has no key store', () => {
    for (const storage of [standInSafeStorage('basic_text'), standInSafeStorage('gnome_libsecret', false)]) {
      const vault = createTokenVault(storage, tempDir());
      expect(vault).toBeInstanceOf(FileTokenVault);
      expect(vault).not.toBeInstanceOf(SafeStorageTokenVault);
      expect(vault.description).toMatch(/only your user account can read/);
    }
  });

  it('asks to connect again (returns no token) when the file cannot be decrypted here', () => {
    const dir = tempDir();
    new FileTokenVault(dir, 'hub-token.enc').save('written elsewhere');
    expect(new SafeStorageTokenVault(standInSafeStorage(), dir).load()).toBeNull();
  });
});
