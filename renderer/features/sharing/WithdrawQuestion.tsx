import { ConfirmQuestion } from '../../components/ConfirmQuestion';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useEntrySharingStore } from './entrySharingStore';

/** Asked before withdrawing: what IT's hub deletes, and what it keeps. */
export function WithdrawQuestion({ name }: { name: string }) {
  const withdraw = useEntrySharingStore((store) => store.withdraw);
  const cancel = useEntrySharingStore((store) => store.cancel);
  const busy = useEntrySharingStore((store) => store.busy === 'withdraw');
  const actionError = useEntrySharingStore((store) => store.actionError);

  return (
    <ConfirmQuestion
      className="sharing-confirm"
      question={`Withdraw “${name}” from IT’s hub? The hub deletes everything you shared of it and keeps only the fact that it was withdrawn. The entry stays here as it is, and you can share it again later.`}
      confirmLabel="Withdraw from IT’s hub"
      busyLabel="Withdrawing…"
      cancelLabel="Keep it shared"
      busy={busy}
      onConfirm={() => void withdraw()}
      onCancel={cancel}
    >
      {actionError && <ErrorAlert error={actionError} title="The entry was not withdrawn." />}
    </ConfirmQuestion>
  );
}
