import { describe, expect, it } from 'vitest';
import { playbookForm } from '../../domain/playbook/form';
import { itemsOnTheWay, sectionOf, SECTIONS } from './sections';

describe('the editor sections', () => {
  it('hold every field a playbook can have, each in exactly one section', () => {
    const inSections = SECTIONS.flatMap((s) => s.fields as readonly string[]);
    expect(new Set(inSections).size).toBe(inSections.length);
    expect([...inSections].sort()).toEqual(
      playbookForm()
        .fields.map((f) => f.name)
        .sort(),
    );
  });

  it('send an issue to the section and the open items of its field', () => {
    expect(sectionOf('buildings[0].floors[2].routes[1].legs[0].stairway')).toBe('buildings');
    expect(sectionOf('command.groups[1].leader.phone')).toBe('command');
    expect(sectionOf('somethingUnknown')).toBe('plan');
    expect(itemsOnTheWay('buildings[0].floors[2].routes[1].legs[0].stairway')).toEqual([
      'buildings[0]',
      'buildings[0].floors[2]',
      'buildings[0].floors[2].routes[1]',
      'buildings[0].floors[2].routes[1].legs[0]',
    ]);
  });
});
