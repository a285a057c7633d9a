/**
 * Getting an exported file off the device: download through a Blob link, the system share
 * sheet where the browser can share files (both in src/ui/deliver-file.ts), and printing the
 * report's HTML. Browser-only edges of the report feature; the content comes from src/domain/report.
 */
export { canShareFiles, downloadFile, shareFile, type ExportFile } from '../../ui/deliver-file';

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
