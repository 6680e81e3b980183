import { chmodSync, existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { toStoreError } from '../store/database';

/**
 * Keeps the hub token (the device's key to the hub) on this machine. The desktop app keeps it
 * encrypted with Electron's safeStorage (main/app); elsewhere it is a file only this user can read.
 */
export interface TokenVault {
  /** Where the token is kept, in plain words for the Sharing screen. */
  readonly description: string;
  save(token: string): void;
  load(): string | null;
  clear(): void;
}

export const TOKEN_FILE = 'hub-token';

/** The token in a file readable only by its owner (mode 600), written atomically. */
export class FileTokenVault implements TokenVault {
  readonly description: string = 'in a file in your Fieldbook folder that only your user account can read';
  private readonly path: string;

  constructor(dataDir: string, fileName = TOKEN_FILE) {
    this.path = join(dataDir, fileName);
  }

  save(token: string): void {
    this.write(Buffer.from(token, 'utf8'));
  }

  load(): string | null {
    const bytes = this.read();
    return bytes === null ? null : bytes.toString('utf8');
  }

  clear(): void {
    rmSync(this.path, { force: true });
  }

  protected write(bytes: Buffer): void {
    const temporary = `${this.path}.${process.pid}.tmp`;
    try {
      writeFileSync(temporary, bytes, { mode: 0o600 });
      chmodSync(temporary, 0o600);
      renameSync(temporary, this.path);
    } catch (error) {
      rmSync(temporary, { force: true });
      throw toStoreError(error, this.path);
    }
  }

  protected read(): Buffer | null {
    if (!existsSync(this.path)) return null;
    return readFileSync(this.path);
  }
}
