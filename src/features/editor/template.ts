import { SCHEMA_VERSION } from '../../domain/playbook/schema';
import { speaker, type Language } from '../../domain/text';
import { messages } from './messages';

/**
 * The blank template a new playbook starts from: only what every plan has (a headquarters with
 * a leader, one phase with one step, the three public emergency numbers), in the reader's
 * language. Everything else is left for the safety officer; the validator names what is still
 * missing (title, summary, organisation, the step's text), field by field.
 */
export function blankPlaybook(id: string, kind: 'flood' | 'fire' | 'other', language: Language): Record<string, unknown> {
  const t = speaker(language, messages);
  return {
    id,
    version: '1.0.0',
    language,
    kind,
    schemaVersion: SCHEMA_VERSION,
    command: {
      headquarters: { id: 'hq', name: t('editor.template.hq'), leader: { id: 'hq.leader', title: t('editor.template.hqLeader') } },
      groups: [],
    },
    emergencyNumbers: [
      { id: 'fire-service', label: t('editor.template.fireNumber'), number: '119' },
      { id: 'police', label: t('editor.template.policeNumber'), number: '110' },
      { id: 'ambulance', label: t('editor.template.ambulanceNumber'), number: '120' },
    ],
    phases: [{ id: 'response', title: t('editor.template.phase'), steps: [{ id: 'step-1', owner: 'hq.leader' }] }],
    buildings: [],
    aftermath: [],
  };
}
