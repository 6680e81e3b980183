import { useEffect, type RefObject } from 'react';
import { hasNavigated } from '../navigation';

/**
 * After a view change that left focus nowhere (a deleted entry, a shortcut), put it on the
 * view's heading so keyboard and screen-reader users know where they are.
 */
export function useFocusHeading(ref: RefObject<HTMLElement | null>, ready = true): void {
  useEffect(() => {
    if (!ready || !hasNavigated()) return;
    const active = document.activeElement;
    if (active === null || active === document.body || !active.isConnected) ref.current?.focus();
  }, [ref, ready]);
}
