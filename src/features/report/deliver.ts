/**
 * Getting an exported file off the device: download through a Blob link, the system share
 * sheet where the browser can share files, and printing the report's HTML. Browser-only
 * edges of the report feature; the content comes from src/domain/report.
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

/**
 * Prints a complete HTML document through a hidden frame, so the report prints with its own
 * print stylesheet (A4, page numbers) and not with the app around it. The frame goes away
 * once printing is done.
 */
export function printHtml(html: string, title: string): void {
  const frame = document.createElement('iframe');
  frame.title = title;
  frame.setAttribute('aria-hidden', 'true');
  frame.style.position = 'fixed';
  frame.style.width = '0';
  frame.style.height = '0';
  frame.style.border = '0';
  frame.style.right = '0';
  frame.style.bottom = '0';
  frame.dataset.testid = 'report-print-frame';
  frame.addEventListener(
    'load',
    () => {
      const w = frame.contentWindow;
      if (!w) return;
      w.addEventListener('afterprint', () => setTimeout(() => frame.remove(), 1000), { once: true });
      w.focus();
      w.print();
    },
    { once: true },
  );
  frame.srcdoc = html;
  document.body.append(frame);
}

/** A file name made of ASCII only, so every file system and mail client keeps it: `muster-report-2026-07-14-inc-….html`. */
export function exportName(incidentId: string, date: string, kind: string, extension: string): string {
  const id = incidentId.replace(/[^A-Za-z0-9_-]+/g, '-').slice(0, 48);
  return `muster-${kind}-${date}-${id}.${extension}`;
}
