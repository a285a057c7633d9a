import { useEffect } from 'react';
import { useLanguage } from '../../ui/text';
import { markFirstScreenUp } from '../../ui/first-screen';
import { PlaybookCards, shippedLibrary } from '../playbooks';
import { IncidentsSection, NoIncidents, PlaybooksSection } from './HomeSections';

/**
 * The lists of a device that holds no database yet (a first visit): no incidents, and the
 * playbooks shipped with the app. Needs no database code, so the first screen of a phone on a
 * weak signal is complete as soon as the app's own code is in.
 */
export function FreshLists() {
  const language = useLanguage();
  useEffect(() => markFirstScreenUp(), []);
  return (
    <>
      <IncidentsSection headOffice={false}>
        <NoIncidents />
      </IncidentsSection>
      <PlaybooksSection>
        <PlaybookCards library={shippedLibrary()} language={language} />
      </PlaybooksSection>
    </>
  );
}
