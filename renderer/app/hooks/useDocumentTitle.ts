import { useEffect } from 'react';

/** "Pricing workbook – Fieldbook": the window title says where you are (and what screen readers announce). */
export function useDocumentTitle(title: string): void {
  useEffect(() => {
    document.title = title ? `${title} – Fieldbook` : 'Fieldbook';
  }, [title]);
}
