import type { MusterEvent } from '../../domain/event';
import type { IncidentState } from '../../domain/incident';
import type { Playbook } from '../../domain/playbook/schema';
import { branchIncidents, incidentFacts, type IncidentFacts } from './overview';

/**
 * The overview's memory, so a hint for one branch re-derives that branch alone: each branch's
 * incidents are kept with the revision they were read at (bumped by every page that brought
 * it new events, storage/branches.ts), and each incident's figures with the incident state
 * and playbook they came from. Neither React nor Dexie: the reads come in as a function.
 */

export interface BranchRevision {
  readonly orgId: string;
  readonly rev: number;
}

/** Reads one branch's incident streams (from IndexedDB in the app). */
export type ReadBranchStreams = (orgId: string) => Promise<ReadonlyMap<string, readonly MusterEvent[]>>;

/** At most this many branches are read at once. */
const READ_AT_ONCE = 8;

export class BranchIncidentCache {
  private readonly held = new Map<string, { rev: number; incidents: readonly IncidentState[] }>();
  private readonly facts = new WeakMap<IncidentState, { playbook: Playbook | null; facts: IncidentFacts | null }>();

  constructor(private readonly derive: (streams: ReadonlyMap<string, readonly MusterEvent[]>) => IncidentState[] = branchIncidents) {}

  /**
   * Brings the cache to these branches: reads and reduces again only those whose revision
   * moved (or that are new), drops those no longer listed. Resolves to whether anything changed.
   */
  async update(branches: readonly BranchRevision[], read: ReadBranchStreams): Promise<boolean> {
    let changed = false;
    const listed = new Set(branches.map((b) => b.orgId));
    for (const orgId of [...this.held.keys()]) {
      if (listed.has(orgId)) continue;
      this.held.delete(orgId);
      changed = true;
    }
    const stale = branches.filter((b) => this.held.get(b.orgId)?.rev !== b.rev);
    for (let i = 0; i < stale.length; i += READ_AT_ONCE) {
      const group = stale.slice(i, i + READ_AT_ONCE);
      const results = await Promise.all(group.map(async (b) => ({ b, streams: await read(b.orgId) })));
      for (const { b, streams } of results) {
        // Two updates may overlap (the list changed twice): an older read never replaces a newer one.
        const current = this.held.get(b.orgId);
        if (current !== undefined && current.rev > b.rev) continue;
        this.held.set(b.orgId, { rev: b.rev, incidents: this.derive(streams) });
        changed = true;
      }
    }
    return changed;
  }

  /** Whether every one of these branches has been read at its revision. */
  has(branches: readonly BranchRevision[]): boolean {
    return branches.every((b) => this.held.get(b.orgId)?.rev === b.rev);
  }

  /** Every incident held, with its branch. */
  incidents(): { orgId: string; incident: IncidentState }[] {
    return [...this.held].flatMap(([orgId, { incidents }]) => incidents.map((incident) => ({ orgId, incident })));
  }

  /** An incident's figures with this playbook, worked out once per incident state and playbook. */
  factsOf(orgId: string, incident: IncidentState, playbook: Playbook | null): IncidentFacts | null {
    const memo = this.facts.get(incident);
    if (memo !== undefined && memo.playbook === playbook) return memo.facts;
    const facts = incidentFacts(orgId, incident, playbook);
    this.facts.set(incident, { playbook, facts });
    return facts;
  }
}
