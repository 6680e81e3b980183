// Child process for the crash test: saves edits as fast as it can and prints each one
// only after the store has acknowledged it. The parent kills it with SIGKILL mid-stream.
import { openFieldbook } from '../../../main/core/fieldbook';

const dataDir = process.argv[2]!;
const book = openFieldbook({ dataDir });
const entry = book.createEntry({ name: 'Crash test', kind: 'spreadsheet' });
process.stdout.write(`ack ${entry.id} ${entry.revision} ${entry.notes.length}\n`);
for (let i = 1; ; i++) {
  if (i % 3 === 0) {
    const created = book.createEntry({ name: `Tool ${i}`, kind: 'other', notes: 'x'.repeat(i % 500) });
    process.stdout.write(`ack ${created.id} ${created.revision} ${created.notes.length}\n`);
  } else {
    const saved = book.entries.update(entry.id, { notes: `edit ${i} `.repeat(1 + (i % 50)) });
    process.stdout.write(`ack ${saved.id} ${saved.revision} ${saved.notes.length}\n`);
  }
}
