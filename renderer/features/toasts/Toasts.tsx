import { Icon } from '../../components/Icon';
import { useToastStore } from './toastStore';

/** Short messages at the bottom of the window; Undo after a delete. */
export function Toasts() {
  const toasts = useToastStore((store) => store.toasts);
  const dismiss = useToastStore((store) => store.dismiss);
  const undo = useToastStore((store) => store.undo);
  const hold = useToastStore((store) => store.hold);
  return (
    <section className="toasts" aria-label="Notifications">
      <div role="status" className="toast-stack">
        {toasts.map((toast) => (
          <div
            key={toast.id}
            className={`toast toast-${toast.tone}`}
            onMouseEnter={() => hold(toast.id, true)}
            onMouseLeave={() => hold(toast.id, false)}
            onFocus={() => hold(toast.id, true)}
            onBlur={() => hold(toast.id, false)}
          >
            <div className="toast-text">
              <p>{toast.message}</p>
              {toast.hint && <p className="toast-hint">{toast.hint}</p>}
            </div>
            {toast.link && (
              <a className="button button-on-dark" href={toast.link.href} onClick={() => dismiss(toast.id)}>
                {toast.link.label}
              </a>
            )}
            {toast.undo && (
              <button type="button" className="button button-on-dark" onClick={() => void undo(toast.id)} aria-keyshortcuts="Control+Z Meta+Z">
                Undo
              </button>
            )}
            <button type="button" className="icon-button icon-button-on-dark" aria-label="Dismiss" title="Dismiss" onClick={() => dismiss(toast.id)}>
              <Icon name="close" />
            </button>
          </div>
        ))}
      </div>
    </section>
  );
}
