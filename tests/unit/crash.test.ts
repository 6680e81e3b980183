import { spawn } from 'node:child_process';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { DATABASE_FILE, openFieldbook } from '../../main/core/fieldbook';
import { useTempDirs } from './helpers/tempDir';

const tempDir = useTempDirs();

/** Runs the writer until it has acknowledged `count` saves, then kills it without warning. */
function writeThenKill(dataDir: string, count: number): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'helpers/crashWriter.ts'), dataDir], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const acks: string[] = [];
    let buffer = '';
    child.stdout.on('data', (chunk: Buffer) => {
      buffer += chunk.toString('utf8');
      const lines = buffer.split('\n');
      buffer = lines.pop()!;
      acks.push(...lines);
      if (acks.length >= count && !child.killed) child.kill('SIGKILL');
    });
    child.on('error', reject);
    child.on('exit', (_code, signal) => (signal === 'SIGKILL' ? resolve(acks) : reject(new Error(`writer exited without being killed (${signal})`))));
  });
}

describe('a crash while saving', () => {
  it('loses nothing that was acknowledged, and leaves a sound database', async () => {
    const dataDir = tempDir();
    const acks = await writeThenKill(dataDir, 300);
    expect(acks.length).toBeGreaterThanOrEqual(300);

    const db = new BetterSqlite3(join(dataDir, DATABASE_FILE));
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    db.close();

    const book = openFieldbook({ dataDir });
    const latest = new Map<string, { revision: number; notesLength: number }>();
    for (const line of acks) {
      const [, id, revision, notesLength] = line.split(' ');
      latest.set(id!, { revision: Number(revision), notesLength: Number(notesLength) });
    }
    for (const [id, acknowledged] of latest) {
      const entry = book.entries.get(id);
      // The store may hold a newer revision written after the last line we read, never an older one.
      expect(entry.revision).toBeGreaterThanOrEqual(acknowledged.revision);
      if (entry.revision === acknowledged.revision) expect(entry.notes.length).toBe(acknowledged.notesLength);
      expect(book.entries.history(id)).toHaveLength(entry.revision);
    }
    book.close();
  });
});
