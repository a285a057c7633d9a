import { checkDeviceCertificate } from '../domain/handover/keys';
import type { CertificateResponse } from '../domain/sync-protocol';
import { deviceId } from '../storage/events';
import { ownCertificate, storeOwnCertificate } from '../storage/handover';
import { deviceKey } from '../storage/handover-bundle';
import { readSyncOrg } from '../storage/sync-state';
import type { SyncRoundDeps } from './engine';
import { SyncError } from './transport';

/**
 * Once per key: asks the organisation to certify this device's handover key (issue 21), so
 * another phone can believe what it hands over with no network, and keeps the certificate and
 * the organisation's public key. An answer that is not a certificate of this key for this
 * device, checked against the key it came with, is not kept. A refusal (an older server that
 * does not know the request, a head-office token) leaves the device as it was and the round
 * goes on; the next round asks again.
 */
export async function certifyDevice(deps: SyncRoundDeps): Promise<void> {
  const { db, transport } = deps;
  if (transport.certify === undefined || (await ownCertificate(db)) !== null) return;
  const org = await readSyncOrg(db);
  if (org === null) return;
  const [key, device] = await Promise.all([deviceKey(db, deps.random), deviceId(db, deps)]);
  let answer: CertificateResponse;
  try {
    answer = await transport.certify({ deviceId: device, publicKey: key.publicKey });
  } catch (error) {
    // The push that follows meets the same network and the same token, and says what is wrong.
    if (error instanceof SyncError) return;
    throw error;
  }
  const c = answer.certificate;
  const orgPublicKey = answer.orgPublicKey.trim().toLowerCase();
  if (c.deviceId !== device || c.publicKey !== key.publicKey || checkDeviceCertificate(c, { orgId: org.id, publicKey: orgPublicKey }) !== 'valid') return;
  await storeOwnCertificate(db, { certificate: c, orgPublicKey });
}
