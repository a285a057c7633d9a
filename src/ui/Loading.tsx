import { useText } from './text';
import { messages } from './messages';

/** What a screen shows while its data loads from this device. */
export function Loading() {
  const t = useText(messages);
  return <p className="empty">{t('loading')}</p>;
}

/** The word alone, for a value still loading inside a sentence or a table. */
export function LoadingWord() {
  const t = useText(messages);
  return <>{t('loading')}</>;
}
