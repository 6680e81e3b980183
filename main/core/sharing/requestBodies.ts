/**
 * The request bodies of a share and a withdrawal (shared/hub.ts PushEntryRequest and
 * WithdrawEntryRequest), built as text so that the payload's bytes are exactly the previewed ones.
 */
export function pushBody(hubRevision: number, sharedAt: string, payloadText: string): string {
  return `{"revision":${hubRevision},"sharedAt":${JSON.stringify(sharedAt)},"payload":${payloadText}}`;
}

export function withdrawBody(hubRevision: number): string {
  return `{"revision":${hubRevision}}`;
}
