import { useEffect, useId, useRef, useState, type ReactNode } from 'react';

interface ConfirmQuestionProps {
  /** The question, saying what will happen. */
  question: ReactNode;
  confirmLabel: string;
  /** Shown on the confirm button while the action runs. */
  busyLabel: string;
  cancelLabel: string;
  busy: boolean;
  onConfirm: () => void;
  onCancel: () => void;
  className?: string;
  /** Shown between the question and the buttons (an error from the last try). */
  children?: ReactNode;
}

/** Asked before something that cannot simply be undone. Focus moves onto the confirm button. */
export function ConfirmQuestion({ question, confirmLabel, busyLabel, cancelLabel, busy, onConfirm, onCancel, className = 'pack-confirm', children }: ConfirmQuestionProps) {
  const confirmRef = useRef<HTMLButtonElement>(null);
  const questionId = useId();

  useEffect(() => {
    confirmRef.current?.focus();
  }, []);

  return (
    <div className={className} role="group" aria-labelledby={questionId}>
      <p id={questionId}>{question}</p>
      {children}
      <div className="form-actions">
        <button ref={confirmRef} type="button" className="button button-danger" disabled={busy} onClick={onConfirm}>
          {busy ? busyLabel : confirmLabel}
        </button>
        <button type="button" className="button button-quiet" onClick={onCancel}>
          {cancelLabel}
        </button>
      </div>
    </div>
  );
}

/** Whether a question is open; on "cancel", focus goes back to the button that asked it. */
export function useConfirmation() {
  const [confirming, setConfirming] = useState(false);
  const openerRef = useRef<HTMLButtonElement>(null);
  const returnFocus = useRef(false);

  useEffect(() => {
    if (!confirming && returnFocus.current) {
      returnFocus.current = false;
      openerRef.current?.focus();
    }
  }, [confirming]);

  return {
    confirming,
    openerRef,
    ask: () => setConfirming(true),
    cancel: () => {
      returnFocus.current = true;
      setConfirming(false);
    },
  };
}
