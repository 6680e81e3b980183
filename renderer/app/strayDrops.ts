/**
 * A file dropped outside a drop zone would make the browser open it in place of Fieldbook (a
 * browser tab leaves the app; Electron refuses the navigation, but only after trying). Drop zones
 * handle their own drops; anywhere else the drop is refused, with the "not allowed" cursor.
 */
export function refuseStrayDrops(target: Pick<Window, 'addEventListener' | 'removeEventListener'>): () => void {
  const onDragOver = (event: DragEvent): void => {
    if (event.defaultPrevented) return;
    event.preventDefault();
    if (event.dataTransfer) event.dataTransfer.dropEffect = 'none';
  };
  const onDrop = (event: DragEvent): void => {
    if (!event.defaultPrevented) event.preventDefault();
  };
  target.addEventListener('dragover', onDragOver);
  target.addEventListener('drop', onDrop);
  return () => {
    target.removeEventListener('dragover', onDragOver);
    target.removeEventListener('drop', onDrop);
  };
}
