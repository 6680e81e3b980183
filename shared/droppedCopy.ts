/**
 * A file dropped into a browser tab arrives without its location, so Fieldbook reads a copy of
 * its bytes instead (see files.previewCopy). Plain values, no zod: the renderer imports this.
 */

/** The largest dropped file Fieldbook reads from a copy. */
export const MAX_COPY_BYTES = 100 * 1024 * 1024;

/** What to tell her when a dropped file is larger than that. */
export function copyTooLargeMessage(name: string): string {
  return `“${name}” is larger than ${MAX_COPY_BYTES / 1024 / 1024} MB, the most Fieldbook reads from a dropped copy. Type the file’s path instead: Fieldbook then reads it where it is.`;
}
