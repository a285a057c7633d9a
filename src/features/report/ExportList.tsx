import { messages as uiMessages } from '../../ui/messages';
import { useText } from '../../ui/text';
import type { ExportKind } from './exports';
import { messages } from './messages';

/** The export formats, each with a download button and, where the browser can share files, a share button. */
export function ExportList({
  kinds,
  onDownload,
  onShare,
}: {
  kinds: readonly ExportKind[];
  onDownload: (kind: ExportKind) => void;
  onShare?: ((kind: ExportKind) => void) | undefined;
}) {
  const t = useText(messages, uiMessages);
  return (
    <ul className="report-formats">
      {kinds.map((kind) => (
        <li key={kind}>
          <span>{t(`report.format.${kind}`)}</span>
          <span className="button-row">
            <button
              type="button"
              className="button"
              data-testid={`report-download-${kind}`}
              aria-label={`${t('form.download')}: ${t(`report.format.${kind}`)}`}
              onClick={() => onDownload(kind)}
            >
              {t('form.download')}
            </button>
            {onShare ? (
              <button
                type="button"
                className="button"
                data-testid={`report-share-${kind}`}
                aria-label={`${t('report.share')}: ${t(`report.format.${kind}`)}`}
                onClick={() => onShare(kind)}
              >
                {t('report.share')}
              </button>
            ) : null}
          </span>
        </li>
      ))}
    </ul>
  );
}
