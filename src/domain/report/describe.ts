import type { MusterEvent } from '../event';
import { NOTE_TAGS } from '../events/note';
import { overrideWhat } from './ending';
import { fill, type ReportLabelKey, type ReportLabels } from './labels';

const TAGS: ReadonlySet<string> = new Set(NOTE_TAGS);

export function tagText(tag: string, labels: ReportLabels): string {
  return TAGS.has(tag) ? labels[`tag.${tag}` as ReportLabelKey] : tag;
}

/** An amount in minor units (fen) as yuan with two decimals, from integers only: never a float. */
export function minorAmount(minor: number): string {
  const sign = minor < 0 ? '-' : '';
  const abs = Math.abs(minor);
  const whole = Math.trunc(abs / 100)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${sign}${whole}.${String(abs % 100).padStart(2, '0')}`;
}

const quantity = (q: number, unit?: string) => `${q}${unit ? ` ${unit}` : ''}`;

/**
 * One line of plain text (never markup) saying what an event recorded, in the report's
 * language. `earlier` holds the lines of events already described, so a correction can quote
 * what it struck out.
 */
export function describeEvent(e: MusterEvent, labels: ReportLabels, names: ReadonlyMap<string, string>, earlier: ReadonlyMap<string, string>): string {
  const t = (key: ReportLabelKey, vars?: Record<string, string | number>) => fill(labels[key], vars);
  const name = (id: string) => names.get(id) ?? id;
  const dash = labels.dash;
  const withNote = (text: string, note?: string) => (note ? `${text} — ${note}` : text);
  switch (e.type) {
    case 'incident.declared':
      return t('event.incident.declared', {
        title: e.payload.title,
        mode: t(e.payload.mode === 'drill' ? 'mode.drill' : 'mode.real'),
        place: e.payload.place || dash,
        commander: e.payload.commander ?? e.actor,
      });
    case 'role.assigned':
      return t('event.role.assigned', {
        role: name(e.payload.roleId),
        person: e.payload.phone ? t('paren', { text: e.payload.person, detail: e.payload.phone }) : e.payload.person,
      });
    case 'command.handedOver': {
      const to = t('event.command.handedOver', { to: e.payload.toRole ? t('paren', { text: e.payload.to, detail: name(e.payload.toRole) }) : e.payload.to });
      return withNote(e.payload.briefing ? t('paren', { text: to, detail: t('event.command.briefing') }) : to, e.payload.note);
    }
    case 'step.started':
      return t('event.step.started', { step: name(e.payload.stepId) });
    case 'step.done':
      return t('event.step.done', { step: name(e.payload.stepId) });
    case 'step.skipped':
      return t('event.step.skipped', { step: name(e.payload.stepId), reason: e.payload.reason });
    case 'step.reopened':
      return withNote(t('event.step.reopened', { step: name(e.payload.stepId) }), e.payload.reason);
    case 'step.itemChecked':
      return t('event.step.itemChecked', {
        state: t(e.payload.checked ? 'event.item.checked' : 'event.item.unchecked'),
        item: names.get(`${e.payload.stepId} ${e.payload.itemId}`) ?? e.payload.itemId,
      });
    case 'note.added': {
      const tags = (e.payload.tags ?? []).map((tag) => tagText(tag, labels)).join(labels.listSeparator);
      const photos = e.payload.photos?.length ?? 0;
      const withPhotos = photos === 0 ? '' : ` (${photos === 1 ? t('event.note.photo') : t('event.note.photos', { count: photos })})`;
      return t('event.note.added', { text: e.payload.text }) + (tags ? ` [${tags}]` : '') + withPhotos;
    }
    case 'entry.struck': {
      const target = earlier.get(e.payload.targetId);
      return withNote(target === undefined ? t('event.entry.struckUnknown') : t('event.entry.struck', { target }), e.payload.reason);
    }
    case 'roster.added': {
      const people = e.payload.people.join(labels.listSeparator);
      if (e.payload.kind === 'visitor') return t('event.roster.addedVisitors', { people });
      if (e.payload.kind === 'contractor') return t('event.roster.addedContractors', { people });
      return t('event.roster.added', { people });
    }
    case 'roster.linked':
      return t('event.roster.linked', { count: e.payload.people.length });
    case 'measurement.recorded':
      return withNote(
        t('event.measurement.recorded', { measure: name(e.payload.measureId), value: quantity(e.payload.value, e.payload.unit) }),
        e.payload.place,
      );
    case 'person.accounted':
      return withNote(t('event.person.accounted', { person: e.payload.person, status: t(`headcount.${e.payload.status}`) }), e.payload.note);
    case 'loss.recorded':
      return t('event.loss.recorded', {
        what: e.payload.what,
        quantity: quantity(e.payload.quantity, e.payload.unit),
        kind: t(`losses.kind.${e.payload.kind}`),
        where: e.payload.where || dash,
      });
    case 'supplies.used':
      return t('event.supplies.used', { item: e.payload.item, quantity: quantity(e.payload.quantity, e.payload.unit) });
    case 'supplies.toReplenish':
      return t('event.supplies.toReplenish', { item: e.payload.item, quantity: quantity(e.payload.quantity, e.payload.unit) });
    case 'end.confirmed': {
      const o = e.payload.override;
      if (!o) return withNote(t('event.end.confirmed'), e.payload.note);
      // Who and what were left open, in full: the timeline is where an investigation reads it first.
      const steps = o.openSteps.map(name);
      const details = [
        t('event.end.confirmedOverride', { what: overrideWhat(o, labels), reason: o.reason }),
        ...(o.unaccounted.length ? [t('ending.override.unaccounted', { people: o.unaccounted.join(labels.listSeparator) })] : []),
        ...(steps.length ? [t('ending.override.openSteps', { steps: steps.join(labels.listSeparator) })] : []),
      ];
      return withNote(details.join(labels.clauseSeparator), e.payload.note);
    }
    case 'closure.approved':
      return withNote(t('event.closure.approved', { approver: e.payload.approver }), e.payload.note);
    case 'afterAction.set':
      return t('event.afterAction.set', { field: t(`afterAction.${e.payload.field}`) });
    case 'improvement.added':
      return t('event.improvement.added', { action: e.payload.action, owner: e.payload.owner, due: e.payload.due });
    case 'planRevision.added':
      return t('event.planRevision.added', { text: e.payload.text });
    case 'duty.entry':
      return t('event.duty.entry', { text: e.payload.text });
    case 'shift.handedOver':
      return t('event.shift.handedOver', { outgoing: e.payload.outgoing, incoming: e.payload.incoming });
    case 'roster.personSet':
      return t('event.roster.personSet', { person: e.payload.name });
    case 'roster.personRemoved':
      return t('event.roster.personRemoved', { person: e.payload.personId });
    case 'round.started':
      return t('event.round.started', { title: e.payload.title, area: e.payload.areaName ? ` · ${e.payload.areaName}` : '', inspector: e.payload.inspector });
    case 'round.itemChecked': {
      const key =
        e.payload.result === 'pass' ? 'event.round.itemPass' : e.payload.result === 'finding' ? 'event.round.itemFinding' : 'event.round.itemNotApplicable';
      return withNote(t(key, { item: name(e.payload.itemId) }), e.payload.note);
    }
    case 'round.completed':
      return withNote(t('event.round.completed'), e.payload.note);
    case 'finding.recorded':
      return t('event.finding.recorded', {
        severity: t(e.payload.severity === 'major' ? 'event.finding.major' : 'event.finding.general'),
        description: e.payload.description,
        owner: e.payload.owner,
        dueDate: e.payload.dueDate,
      });
    case 'rectification.updated':
      return t('event.rectification.updated', { note: e.payload.note });
    case 'rectification.closed':
      return t('event.rectification.closed', { by: e.payload.closedBy, evidence: e.payload.evidence });
    case 'rectification.reopened':
      return t('event.rectification.reopened', { reason: e.payload.reason });
    case 'calendar.seasonSet':
      return t('event.calendar.seasonSet', { date: e.payload.startsOn });
    case 'campaign.started':
      return t('event.campaign.started', {
        title: e.payload.title,
        start: e.payload.windowStart,
        end: e.payload.windowEnd,
        reference: e.payload.referenceDate,
        deadline: e.payload.deadline,
      });
    case 'campaign.unitSet':
      return t('event.campaign.unitSet', { unit: e.payload.owner ? t('paren', { text: e.payload.name, detail: e.payload.owner }) : e.payload.name });
    case 'campaign.loanSet':
      return t('event.campaign.loanSet', { borrower: e.payload.borrower, amount: minorAmount(e.payload.amountMinor) });
    case 'campaign.riskSet':
      return t('event.campaign.riskSet', { description: e.payload.description });
    case 'campaign.triggerSet':
      return t('event.campaign.triggerSet', { description: e.payload.description });
    case 'campaign.pathSet':
      return t('event.campaign.pathSet', { description: e.payload.description });
    case 'campaign.entryRemoved':
      return t('event.campaign.entryRemoved', { reason: e.payload.reason });
    case 'campaign.findingsSet':
      return t('event.campaign.findingsSet', { section: name(e.payload.sectionId) });
    case 'campaign.unitStatus':
      return withNote(
        t(e.payload.status === 'reported' ? 'event.campaign.unitReported' : 'event.campaign.unitReopened', { unit: name(e.payload.unitId) }),
        e.payload.note,
      );
    case 'campaign.submitted':
      return withNote(t('event.campaign.submitted', { to: e.payload.to }), e.payload.note);
  }
}
