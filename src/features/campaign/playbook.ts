import type { Playbook } from '../../domain/playbook/schema';
import { twinLanguage } from '../../domain/playbook-choice';
import type { CampaignStarted } from '../../domain/events/campaign';
import { useSession } from '../../ui/session';
import { usePlaybook } from '../playbooks';

export type CampaignPlaybook =
  | { readonly status: 'loading' }
  | { readonly status: 'missing' }
  | { readonly status: 'failed'; readonly message: string }
  /** `playbook` is what the screen shows (the twin in the app's language where it has the same ids); `recorded` is the one started with. */
  | { readonly status: 'ready'; readonly playbook: Playbook; readonly recorded: Playbook };

/** Whether `twin` names every category, dimension, table and report section of `recorded`: then it may stand in on screen. Pure. */
export function twinCoversCampaign(recorded: Playbook, twin: Playbook): boolean {
  const a = recorded.campaign;
  const b = twin.campaign;
  if (twin.id !== recorded.id || !a || !b) return false;
  const covers = (x: readonly { id: string }[], y: readonly { id: string }[]) => x.every((i) => y.some((j) => j.id === i.id));
  return (
    covers(a.loanCategories, b.loanCategories) &&
    covers(a.riskDimensions, b.riskDimensions) &&
    covers(a.tables, b.tables) &&
    covers(a.reportContents, b.reportContents) &&
    covers(a.units, b.units)
  );
}

/**
 * The playbook a campaign was started with, shown in the app's language: a campaign started on a
 * Chinese phone reads in English on an English one, by the same category and dimension ids, so
 * both show the same rows and the same totals.
 */
export function useCampaignPlaybook(started: Pick<CampaignStarted, 'playbookId' | 'playbookLanguage'> | undefined): CampaignPlaybook {
  const ui = useSession((s) => s.language);
  const recordedLanguage = started?.playbookLanguage ?? ui;
  const load = usePlaybook(started?.playbookId ?? '', recordedLanguage);
  const wanted = twinLanguage(recordedLanguage, ui);
  const twin = usePlaybook(wanted ? (started?.playbookId ?? '') : '', ui);
  if (load.status !== 'ready') return load;
  if (wanted && twin.status === 'loading') return { status: 'loading' };
  const shown = wanted && twin.status === 'ready' && twinCoversCampaign(load.playbook, twin.playbook) ? twin.playbook : load.playbook;
  return { status: 'ready', playbook: shown, recorded: load.playbook };
}
