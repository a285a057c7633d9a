import { useText } from '../../ui/text';
import { useSession } from '../../ui/session';
import { LANGUAGES, type Language } from '../../domain/text';
import { RosterLinks } from '../roster';
import { AboutSection } from './AboutSection';
import { StorageSection } from './StorageSection';
import './settings.css';
import { messages } from './messages';

const languageNames: Record<Language, string> = { 'zh-CN': '简体中文', en: 'English' };

export function Settings() {
  const t = useText(messages);
  const language = useSession((s) => s.language);
  const setLanguage = useSession((s) => s.setLanguage);
  return (
    <>
      <h1>{t('settings.title')}</h1>
      <fieldset className="choice">
        <legend>{t('settings.language')}</legend>
        {LANGUAGES.map((l) => (
          <label key={l} lang={l}>
            <input type="radio" name="language" value={l} checked={language === l} onChange={() => setLanguage(l)} />
            {languageNames[l]}
          </label>
        ))}
      </fieldset>
      <RosterLinks />
      <StorageSection />
      <AboutSection />
    </>
  );
}
