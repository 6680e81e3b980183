/** The file name and its folder, for Windows and POSIX paths alike ("" when there is no folder). */
export function splitPath(path: string): { name: string; folder: string } {
  const trimmed = path.replace(/(?<=.)[\\/]+$/, '');
  const at = Math.max(trimmed.lastIndexOf('\\'), trimmed.lastIndexOf('/'));
  if (at < 0) return { name: trimmed, folder: '' };
  return { name: trimmed.slice(at + 1), folder: trimmed.slice(0, at) || trimmed.slice(0, at + 1) };
}

/** A path pasted from Windows Explorer's "Copy as path" comes in quotes; those are not part of it. */
export function cleanPath(text: string): string {
  const trimmed = text.trim();
  const quoted = /^"(.*)"$/s.exec(trimmed) ?? /^'(.*)'$/s.exec(trimmed);
  return (quoted?.[1] ?? trimmed).trim();
}
