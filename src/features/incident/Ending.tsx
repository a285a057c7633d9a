import { messages as reportMessages } from '../../domain/report/messages';
import { messages as uiMessages } from '../../ui/messages';
import { useMemo, useState } from 'react';
import { useText } from '../../ui/text';
import { formatDateTime } from '../../ui/date-time';
import { useSession } from '../../ui/session';
import { AFTER_ACTION_FIELDS, IMPROVEMENT_AREAS, type AfterActionField } from '../../domain/events/afteraction';
import { TEXT_LIMITS } from '../../domain/events/limits';
import type { IncidentState } from '../../domain/incident';
import { isCalendarDate } from '../../domain/validation';
import type { Playbook } from '../../domain/playbook/schema';
import { playbookNames } from '../../domain/playbook/names';
import { Loading } from '../../ui/Loading';
import { playbookMessages, usePlaybook } from '../playbooks';
import { addImprovement, addPlanRevision, approveClosure, setAfterAction } from './commands';
import { EndGate, EndOverrideNote } from './EndGate';
import { messages } from './messages';

function AfterActionText({ incident, field }: { incident: IncidentState; field: AfterActionField }) {
  const t = useText(messages, reportMessages);
  const common = useText(uiMessages);
  const language = useSession((s) => s.language);
  const saved = incident.afterAction[field];
  const [text, setText] = useState<string | null>(null);
  const value = text ?? saved?.text ?? '';
  return (
    <form
      className="stack"
      onSubmit={(e) => {
        e.preventDefault();
        void setAfterAction(incident.id, field, value).then((ok) => ok && setText(null));
      }}
    >
      <label className="field">
        <span>{t(`afterAction.${field}`)}</span>
        <textarea rows={3} value={value} onChange={(e) => setText(e.target.value)} maxLength={TEXT_LIMITS.afterAction} data-testid={`aa-${field}`} />
      </label>
      <div className="button-row">
        <button type="submit" className="button" disabled={text === null}>
          {common('form.save')}
        </button>
        {saved ? <span className="card-meta">{t('afterAction.saved', { actor: saved.actor, time: formatDateTime(language, saved.at) })}</span> : null}
      </div>
    </form>
  );
}

function ImprovementForm({ incidentId }: { incidentId: string }) {
  const t = useText(messages, reportMessages);
  const [f, setF] = useState({ issue: '', action: '', area: 'planning' as (typeof IMPROVEMENT_AREAS)[number], owner: '', start: '', due: '' });
  const set = (k: keyof typeof f) => (e: { target: { value: string } }) => setF((x) => ({ ...x, [k]: e.target.value }));
  return (
    <form
      className="grid-form"
      data-testid="improvement-form"
      onSubmit={(e) => {
        e.preventDefault();
        if (!f.issue.trim() || !f.action.trim() || !f.owner.trim() || !isCalendarDate(f.due) || (f.start && !isCalendarDate(f.start))) return;
        void addImprovement(incidentId, {
          issue: f.issue.trim(),
          action: f.action.trim(),
          area: f.area,
          owner: f.owner.trim(),
          due: f.due,
          ...(f.start ? { start: f.start } : {}),
        }).then((ok) => ok && setF({ issue: '', action: '', area: 'planning', owner: '', start: '', due: '' }));
      }}
    >
      <label className="field">
        <span>{t('improvement.issue')}</span>
        <input value={f.issue} onChange={set('issue')} required maxLength={TEXT_LIMITS.note} />
      </label>
      <label className="field">
        <span>{t('improvement.action')}</span>
        <input value={f.action} onChange={set('action')} required maxLength={TEXT_LIMITS.note} />
      </label>
      <label className="field">
        <span>{t('improvement.area')}</span>
        <select value={f.area} onChange={set('area')}>
          {IMPROVEMENT_AREAS.map((a) => (
            <option key={a} value={a}>
              {t(`area.${a}`)}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span>{t('improvement.owner')}</span>
        <input value={f.owner} onChange={set('owner')} required maxLength={TEXT_LIMITS.name} />
      </label>
      <label className="field">
        <span>{t('improvement.start')}</span>
        <input type="date" value={f.start} onChange={set('start')} />
      </label>
      <label className="field">
        <span>{t('improvement.due')}</span>
        <input type="date" value={f.due} onChange={set('due')} required />
      </label>
      <button type="submit" className="button">
        {t('improvement.add')}
      </button>
    </form>
  );
}

/**
 * The two-step end the plans require, then the after-action review (the only thing a closed
 * incident still takes). The first step is gated (EndGate): it needs the playbook's critical
 * steps, passed in by the incident page or, until then, loaded here.
 */
export function Ending({ incident, playbook }: { incident: IncidentState; playbook?: Playbook }) {
  const t = useText(messages, reportMessages);
  const language = useSession((s) => s.language);
  const declared = incident.declared;
  const load = usePlaybook(playbook ? '' : (declared?.playbookId ?? ''), declared?.playbookLanguage ?? language);
  const plan = playbook ?? (load.status === 'ready' ? load.playbook : null);
  const names = useMemo(() => (plan ? playbookNames(plan) : new Map<string, string>()), [plan]);
  const tPlaybook = useText(playbookMessages);
  const [approver, setApprover] = useState('');
  const [revision, setRevision] = useState('');
  return (
    <>
      <section className="end-step" aria-labelledby="end-1">
        <h2 id="end-1">{t('end.confirm.title')}</h2>
        {incident.endConfirmed ? (
          <>
            <p className="ok-box" data-testid="end-confirmed">
              {t('end.confirmed', { actor: incident.endConfirmed.actor, time: formatDateTime(language, incident.endConfirmed.at) })}
              {incident.endConfirmed.note ? ` — ${incident.endConfirmed.note}` : ''}
            </p>
            {incident.endConfirmed.override ? <EndOverrideNote override={incident.endConfirmed.override} names={names} /> : null}
          </>
        ) : plan ? (
          <EndGate incident={incident} playbook={plan} />
        ) : load.status === 'loading' ? (
          <Loading />
        ) : (
          <p role="alert">{tPlaybook('reader.missing')}</p>
        )}
      </section>
      <section className="end-step" aria-labelledby="end-2">
        <h2 id="end-2">{t('end.approve.title')}</h2>
        {incident.closure ? (
          <p className="ok-box" data-testid="closure-approved">
            {t('end.approved', { approver: incident.closure.approver, actor: incident.closure.actor, time: formatDateTime(language, incident.closure.at) })}
          </p>
        ) : incident.phase === 'ending' ? (
          <form
            className="stack"
            onSubmit={(e) => {
              e.preventDefault();
              if (approver.trim()) void approveClosure(incident.id, approver.trim());
            }}
          >
            <label className="field">
              <span>{t('end.approve.approver')}</span>
              <input value={approver} onChange={(e) => setApprover(e.target.value)} required maxLength={TEXT_LIMITS.name} data-testid="approver" />
            </label>
            <button type="submit" className="button primary" data-testid="approve-closure">
              {t('end.approve.submit')}
            </button>
          </form>
        ) : (
          <p className="empty">{t('end.approve.waiting')}</p>
        )}
      </section>
      <section aria-labelledby="aa-h">
        <h2 id="aa-h">{t('section.afterAction')}</h2>
        {AFTER_ACTION_FIELDS.map((f) => (
          <AfterActionText key={f} incident={incident} field={f} />
        ))}
        <h3>{t('improvement.title')}</h3>
        <ImprovementForm incidentId={incident.id} />
        <ul className="plain-list" data-testid="improvements">
          {incident.improvements.map((i) => (
            <li key={i.eventId} className={incident.struck[i.eventId] ? 'struck' : undefined}>
              [{t(`area.${i.area}`)}] {i.issue} → {i.action} · {i.owner} · {i.start ? `${i.start} – ` : ''}
              {i.due}
            </li>
          ))}
        </ul>
        <h3>{t('section.planRevisions')}</h3>
        <form
          className="inline-form end-revision"
          onSubmit={(e) => {
            e.preventDefault();
            if (revision.trim()) void addPlanRevision(incident.id, revision.trim()).then((ok) => ok && setRevision(''));
          }}
        >
          <input
            aria-label={t('section.planRevisions')}
            value={revision}
            onChange={(e) => setRevision(e.target.value)}
            maxLength={TEXT_LIMITS.entry}
            required
          />
          <button type="submit" className="button">
            {t('planRevision.add')}
          </button>
        </form>
        <ul className="plain-list" data-testid="plan-revisions">
          {incident.planRevisions.map((r) => (
            <li key={r.eventId} className={incident.struck[r.eventId] ? 'struck' : undefined}>
              {r.text}
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}
