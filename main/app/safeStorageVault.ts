import { FileTokenVault, type TokenVault } from '../core/sharing/tokenVault';

/** The part of Electron's safeStorage the vault uses (a stand-in replaces it in tests). */
export interface SafeStorageLike {
  isEncryptionAvailable(): boolean;
  encryptString(plainText: string): Buffer;
  decryptString(encrypted: Buffer): string;
  getSelectedStorageBackend?(): string;
}

/**
 * The hub token encrypted with the operating system's key store (Keychain, DPAPI, libsecret)
 * through safeStorage. Where the OS offers none (Linux without a keyring, where Electron would
 * fall back to a fixed key), it says so and keeps the token in an owner-only file instead.
 */
export class SafeStorageTokenVault extends FileTokenVault {
  override readonly description: string = 'encrypted with your operating system’s key store';

  constructor(
    private readonly safeStorage: SafeStorageLike,
    dataDir: string,
  ) {
    super(dataDir, 'hub-token.enc');
  }

  override save(token: string): void {
    this.write(this.safeStorage.encryptString(token));
  }

  override load(): string | null {
    const bytes = this.read();
    if (bytes === null) return null;
    try {
      return this.safeStorage.decryptString(bytes);
    } catch {
      // Encrypted under another user or machine: the user connects again; nothing else is lost.
      return null;
    }
  }
}

export function createTokenVault(safeStorage: SafeStorageLike, dataDir: string): TokenVault {
  const backend = safeStorage.getSelectedStorageBackend?.();
  const usable = safeStorage.isEncryptionAvailable() && backend !== 'basic_text';
  return usable ? new SafeStorageTokenVault(safeStorage, dataDir) : new FileTokenVault(dataDir);
}
