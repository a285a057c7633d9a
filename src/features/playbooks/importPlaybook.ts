import type { Language } from '../../domain/text';
import type { Playbook } from '../../domain/playbook/schema';
import { readPlaybookBytes, MAX_PLAYBOOK_BYTES } from '../../domain/playbook/file';
import type { PlaybookIssue } from '../../domain/playbook/check';
import type { OtherFile } from '../../domain/playbook/other-file';
import { compareSemver } from '../../domain/semver';
import { appDb } from '../../storage';
import { storePlaybook } from '../../storage/playbooks';
import { loadPlaybook } from './library';

/**
 * What importing a file would do, decided before anything is stored. `warnings` never stop an
 * import: they are shown beside whatever happens to the file.
 */
export type ImportCheck = { fileName: string; warnings: PlaybookIssue[] } & (
  | { kind: 'invalid'; issues: PlaybookIssue[] }
  /** Clearly another kind of file (an exported incident record, a spreadsheet): said in one line, not as a playbook's missing fields. */
  | { kind: 'not-a-playbook'; other: OtherFile }
  | { kind: 'new'; playbook: Playbook }
  | { kind: 'newer'; playbook: Playbook; currentVersion: string }
  | { kind: 'not-newer'; playbook: Playbook; currentVersion: string }
);

/** Why a download failed, in the words of the message shown (see `import.error.*`). */
export class DownloadError extends Error {
  constructor(
    readonly reason: 'network' | 'status' | 'too-large' | 'bad-url',
    readonly detail: string,
  ) {
    super(`${reason}: ${detail}`);
    this.name = 'DownloadError';
  }
}

/**
 * Validates a file's bytes and compares it with the copy on the device. Nothing is stored
 * here: an invalid file changes nothing, and a newer version waits for the user to confirm.
 * Issues and warnings come in `language`, with their line and column in the file.
 */
export async function checkImport(bytes: Uint8Array, fileName: string, language: Language): Promise<ImportCheck> {
  const checked = readPlaybookBytes(bytes, fileName, { language });
  const { warnings } = checked;
  if (!checked.ok && checked.notAPlaybook) return { kind: 'not-a-playbook', fileName, other: checked.notAPlaybook, warnings: [] };
  if (!checked.ok) return { kind: 'invalid', fileName, issues: checked.issues, warnings };
  const playbook = checked.playbook;
  const current = await loadPlaybook(appDb(), playbook.id, playbook.language);
  if (!current) return { kind: 'new', fileName, playbook, warnings };
  const order = compareSemver(playbook.version, current.playbook.version);
  return { kind: order > 0 ? 'newer' : 'not-newer', fileName, playbook, currentVersion: current.playbook.version, warnings };
}

/** Stores an accepted playbook on the device; it then shows in the library and works offline. */
export async function acceptImport(playbook: Playbook): Promise<void> {
  await storePlaybook(appDb(), playbook, Date.now());
}

/** Downloads a playbook file, refusing anything over the size limit before reading it whole. */
export async function downloadPlaybook(url: string): Promise<{ bytes: Uint8Array; fileName: string }> {
  let parsed: URL;
  try {
    parsed = new URL(url, window.location.href);
  } catch {
    throw new DownloadError('bad-url', url);
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') throw new DownloadError('bad-url', url);
  let response: Response;
  try {
    response = await fetch(parsed, { cache: 'no-store' });
  } catch (e) {
    throw new DownloadError('network', e instanceof Error ? e.message : String(e));
  }
  if (!response.ok) throw new DownloadError('status', `${response.status} ${response.statusText}`.trim());
  const declared = Number(response.headers.get('content-length') ?? '0');
  if (declared > MAX_PLAYBOOK_BYTES) throw new DownloadError('too-large', String(declared));
  const bytes = new Uint8Array(await response.arrayBuffer());
  const fileName = decodeURIComponent(parsed.pathname.split('/').pop() || parsed.hostname);
  return { bytes, fileName };
}
