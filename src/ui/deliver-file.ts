/**
 * Getting a file off the device: download through a Blob link, or the system share sheet where
 * the browser can share files. Browser-only, works offline; the report's exports and the
 * handover file both leave the phone this way.
 */
export interface ExportFile {
  readonly name: string;
  readonly type: string;
  readonly text: string;
}

/** Saves a file through a temporary Blob URL and an `<a download>`; works offline. */
export function downloadFile(file: ExportFile): void {
  const url = URL.createObjectURL(new Blob([file.text], { type: file.type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = file.name;
  a.rel = 'noopener';
  a.style.display = 'none';
  document.body.append(a);
  a.click();
  a.remove();
  // Revoked later: some browsers start reading the Blob only after the click handler returns.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

function asFile(file: ExportFile): File {
  return new File([file.text], file.name, { type: file.type });
}

/** Whether this browser's share sheet takes files (Android Chrome, iOS Safari; not most desktops). */
export function canShareFiles(): boolean {
  if (typeof navigator === 'undefined' || typeof navigator.canShare !== 'function' || typeof navigator.share !== 'function') return false;
  try {
    return navigator.canShare({ files: [new File(['x'], 'report.txt', { type: 'text/plain' })] });
  } catch {
    return false;
  }
}

/** Opens the share sheet with the file. Resolves false when the person closed the sheet; throws when sharing failed. */
export async function shareFile(file: ExportFile, title: string): Promise<boolean> {
  const data = { files: [asFile(file)], title };
  if (!navigator.canShare(data)) throw new Error('this file type cannot be shared here');
  try {
    await navigator.share(data);
    return true;
  } catch (e) {
    if (e instanceof DOMException && e.name === 'AbortError') return false;
    throw e;
  }
}
