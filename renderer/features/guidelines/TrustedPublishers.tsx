import { useEffect, useId, useRef, useState } from 'react';
import type { TrustedPublisher } from '../../../shared/guidelines';
import { ConfirmQuestion, useConfirmation } from '../../components/ConfirmQuestion';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Icon } from '../../components/Icon';
import { fullTime } from '../../format/time';
import { useGuidelinesStore } from './guidelinesStore';
import { formatFingerprint, signedPacksSentence, stoppedTrustingSentence, stopTrustingButton, stopTrustingQuestion } from './publishersState';

function PublisherItem({ publisher, onRemoved }: { publisher: TrustedPublisher; onRemoved: (removedPackIds: string[]) => void }) {
  const removePublisher = useGuidelinesStore((store) => store.removePublisher);
  const removing = useGuidelinesStore((store) => store.removingPublisher === publisher.keyId);
  const { confirming, openerRef, ask, cancel } = useConfirmation();
  const headingId = useId();

  async function onConfirm(): Promise<void> {
    const removed = await removePublisher(publisher.keyId);
    if (removed !== null) onRemoved(removed);
  }

  return (
    <li className="pack">
      <div className="pack-main">
        <h3 id={headingId} className="pack-name">
          {publisher.name}
        </h3>
        <p className="pack-meta">
          <span>
            Key id <code>{publisher.keyId}</code>
          </span>
          <span>
            Trusted since <time dateTime={publisher.trustedAt}>{fullTime(publisher.trustedAt)}</time>
          </span>
        </p>
        <p className="pack-meta">
          <span>
            Fingerprint <code>{formatFingerprint(publisher.fingerprint)}</code>
          </span>
        </p>
        <p className="pack-description">{signedPacksSentence(publisher)}</p>
      </div>
      {confirming ? (
        <ConfirmQuestion
          question={stopTrustingQuestion(publisher)}
          confirmLabel={stopTrustingButton(publisher)}
          busyLabel="Stopping…"
          cancelLabel="Keep trusting"
          busy={removing}
          onConfirm={() => void onConfirm()}
          onCancel={cancel}
        />
      ) : (
        <button ref={openerRef} type="button" className="button button-quiet" onClick={ask}>
          <Icon name="trash" />
          Stop trusting<span className="visually-hidden"> {publisher.name}</span>…
        </button>
      )}
    </li>
  );
}

/** The publisher keys the user trusts, what each one signs, and a way to stop trusting one. */
export function TrustedPublishers() {
  const publishers = useGuidelinesStore((store) => store.publishers);
  const loadError = useGuidelinesStore((store) => store.publishersError);
  const removeError = useGuidelinesStore((store) => store.removePublisherError);
  const loadPublishers = useGuidelinesStore((store) => store.loadPublishers);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const [done, setDone] = useState('');

  useEffect(() => {
    void loadPublishers();
  }, [loadPublishers]);

  return (
    <section className="card packs-card" aria-labelledby="trusted-publishers">
      <h2 id="trusted-publishers" ref={headingRef} tabIndex={-1}>
        Trusted publishers
      </h2>
      <p className="muted">Packs signed with one of these keys are accepted. Check a fingerprint with IT if you are unsure which key is theirs.</p>
      {loadError && <ErrorAlert error={loadError} title="The trusted publishers could not be loaded." onRetry={() => void loadPublishers()} />}
      {removeError && <ErrorAlert error={removeError} title="Nothing was changed." />}
      {publishers !== null &&
        (publishers.length === 0 ? (
          <p>You do not trust any publisher yet. When IT sends you their key, add it below.</p>
        ) : (
          <ul className="packs">
            {publishers.map((publisher) => (
              <PublisherItem
                key={publisher.keyId}
                publisher={publisher}
                onRemoved={(removedPackIds) => {
                  setDone(stoppedTrustingSentence(publisher, removedPackIds));
                  headingRef.current?.focus();
                }}
              />
            ))}
          </ul>
        ))}
      <p className="muted small packs-status" role="status">
        {done}
      </p>
    </section>
  );
}
