import { describe, expect, it } from 'vitest';
import { assignablePosts, postsOf, walkCommand } from './command-tree';
import { commandNames } from './names';
import { commandIds } from './references';
import { samplePlaybook } from '#fixtures/sample-playbook';

describe('the walk of the command structure', () => {
  it('names the headquarters, each group with its posts and then its sub-teams, and the roles last, with their paths', () => {
    const p = samplePlaybook();
    p.command.groups[0]!.teams![0]!.members = [{ id: 'fire-team.extinguisher.member', title: 'Member' }];
    expect(walkCommand(p.command).map((e) => [e.kind, e.id, e.path])).toEqual([
      ['group', 'hq', 'command.headquarters'],
      ['post', 'hq.commander', 'command.headquarters.leader'],
      ['post', 'hq.deputy', 'command.headquarters.deputies[0]'],
      ['post', 'hq.members', 'command.headquarters.members[0]'],
      ['group', 'fire-team', 'command.groups[0]'],
      ['post', 'fire-team.leader', 'command.groups[0].leader'],
      ['group', 'fire-team.extinguisher', 'command.groups[0].teams[0]'],
      ['post', 'fire-team.extinguisher.member', 'command.groups[0].teams[0].members[0]'],
      ['role', 'discoverer', 'command.roles[0]'],
      ['role', 'on-duty-lead', 'command.roles[1]'],
    ]);
  });

  it('gives a group its posts in chart order', () => {
    expect(postsOf(samplePlaybook().command.headquarters).map((p) => p.path)).toEqual(['leader', 'deputies[0]', 'members[0]']);
  });

  it('is what the id checks and the display names read', () => {
    const p = samplePlaybook();
    expect(commandIds(p).map((x) => x.id)).toEqual(walkCommand(p.command).map((e) => e.id));
    expect(commandIds(p)[1]).toEqual({ id: 'hq.commander', path: 'command.headquarters.leader.id' });
    expect(commandNames(p).get('hq.deputy')).toBe('Headquarters · Deputy Commander (Vice President)');
    expect(commandNames(p).get('fire-team.extinguisher')).toBe('Extinguisher Team');
    expect(commandNames(p).get('on-duty-lead')).toBe('Leader on duty');
  });
});

describe('who an incident can assign', () => {
  it('offers every post and role, and a team with no leader post by its own name, members or none', () => {
    const p = samplePlaybook();
    p.command.groups.push({ id: 'vault-team', name: 'Vault team', members: [{ id: 'vault-team.member', title: 'Member', heldBy: 'Teller' }] });
    p.command.groups[0]!.teams!.push({ id: 'fire-team.comms', name: 'Communications team' });
    expect(assignablePosts(p.command).map((a) => [a.id, a.group, a.title])).toEqual([
      ['hq.commander', 'Headquarters', 'Commander (President)'],
      ['hq.deputy', 'Headquarters', 'Deputy Commander (Vice President)'],
      ['hq.members', 'Headquarters', 'Members (Heads of departments)'],
      ['fire-team.leader', 'Volunteer Fire Team', 'Team Leader'],
      ['fire-team.extinguisher', '', 'Extinguisher Team'],
      ['fire-team.comms', '', 'Communications team'],
      ['vault-team', '', 'Vault team'],
      ['vault-team.member', 'Vault team', 'Member (Teller)'],
      ['discoverer', '', 'Person who discovers the fire'],
      ['on-duty-lead', '', 'Leader on duty'],
    ]);
  });
});
