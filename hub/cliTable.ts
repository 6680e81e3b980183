/**
 * A plain text table for the terminal. Names come from devices and people, so control and
 * direction-changing characters are replaced: a name cannot move the cursor or recolour the screen.
 */
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u001F\u007F-\u009F\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;
const MAX_WIDTH = 40;

export function terminalText(text: string): string {
  return text.replace(UNSAFE, '\uFFFD');
}

function fit(text: string): string {
  const chars = [...terminalText(text)];
  return chars.length <= MAX_WIDTH ? chars.join('') : `${chars.slice(0, MAX_WIDTH - 1).join('')}…`;
}

export function formatCliTable(headers: readonly string[], rows: readonly (readonly string[])[]): string {
  const cells = [headers, ...rows].map((row) => row.map(fit));
  const widths = headers.map((_, column) => Math.max(...cells.map((row) => [...(row[column] ?? '')].length)));
  return cells
    .map((row) =>
      row
        .map((cell, column) => (column === row.length - 1 ? cell : cell + ' '.repeat(widths[column]! - [...cell].length)))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}
