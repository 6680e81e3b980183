import type { ShareLine } from './syncWords';

/** One line about sharing, coloured calmly by what it means (the words carry the meaning too). */
export function ShareLineText({ line }: { line: ShareLine }) {
  return <span className={`share-line share-tone-${line.tone}`}>{line.text}</span>;
}
