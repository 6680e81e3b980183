import { useRef, useState, type DragEvent, type ReactNode } from 'react';
import { Icon } from '../../components/Icon';
import { droppedItems, type DroppedItem } from './dropPlan';
import './dropZone.css';

/** Where the host can tell a file's path (the desktop app's preload); undefined in a browser tab. */
function hostPathOf(): ((file: File) => string) | undefined {
  const pathForFile = window.fieldbook?.pathForFile;
  return pathForFile ? (file) => pathForFile(file) : undefined;
}

/** True where dropped files come with their location (the desktop app). */
export function hostKnowsPaths(): boolean {
  return hostPathOf() !== undefined;
}

/**
 * A place to drop files or folders, with a "Choose a file…" button for the keyboard and for
 * those who prefer a dialog. Dropping is an extra: everything works with the button too.
 */
export function DropZone({
  title,
  hint,
  multiple = false,
  picker = true,
  disabled = false,
  onItems,
}: {
  title: string;
  hint: ReactNode;
  multiple?: boolean;
  /** Offer "Choose a file…" (a folder cannot be picked this way: it would list every file in it). */
  picker?: boolean;
  disabled?: boolean;
  onItems(items: DroppedItem[]): void;
}) {
  const inputRef = useRef<HTMLInputElement>(null);
  // Entering a child element fires dragleave on the parent: count, so the highlight does not flicker.
  const depth = useRef(0);
  const [over, setOver] = useState(false);

  const hasFiles = (event: DragEvent) => Array.from(event.dataTransfer.types).includes('Files');

  function onDragEnter(event: DragEvent<HTMLDivElement>): void {
    if (!hasFiles(event)) return;
    event.preventDefault();
    depth.current++;
    setOver(true);
  }
  function onDragOver(event: DragEvent<HTMLDivElement>): void {
    if (!hasFiles(event)) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = disabled ? 'none' : 'copy';
  }
  function onDragLeave(): void {
    depth.current = Math.max(0, depth.current - 1);
    if (depth.current === 0) setOver(false);
  }
  function onDrop(event: DragEvent<HTMLDivElement>): void {
    event.preventDefault();
    depth.current = 0;
    setOver(false);
    if (disabled) return;
    onItems(droppedItems(event.dataTransfer, hostPathOf()));
  }

  return (
    <div
      className={over ? 'drop-zone is-over' : 'drop-zone'}
      onDragEnter={onDragEnter}
      onDragOver={onDragOver}
      onDragLeave={onDragLeave}
      onDrop={onDrop}
      data-testid="drop-zone"
    >
      <Icon name="file" className="drop-zone-icon" />
      <div className="drop-zone-text">
        <p className="drop-zone-title">{title}</p>
        <p className="drop-zone-hint">{hint}</p>
      </div>
      {picker && (
        <button type="button" className="button" disabled={disabled} onClick={() => inputRef.current?.click()}>
          {multiple ? 'Choose files…' : 'Choose a file…'}
        </button>
      )}
      {picker && (
        <input
          ref={inputRef}
          type="file"
          className="visually-hidden"
          tabIndex={-1}
          aria-hidden="true"
          multiple={multiple}
          onChange={(event) => {
            const input = event.currentTarget;
            if (input.files && input.files.length > 0) onItems(droppedItems({ files: input.files }, hostPathOf()));
            // The same file picked again must fire change again.
            input.value = '';
          }}
        />
      )}
    </div>
  );
}
