import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it, vi } from 'vitest';
import { isSavedFloor, MyFloorChoice, type SavedFloor } from './MyFloor';

const floor7: SavedFloor = { playbookId: 'fire-evacuation', buildingId: 'west-main', floorId: 'floor-7', label: 'West main building Floor 7' };
const floor2: SavedFloor = { ...floor7, floorId: 'floor-2', label: 'West main building Floor 2' };

describe('"my floor" on a floor’s route', () => {
  it('is the same floor whatever language its name was saved in, and no other floor', () => {
    expect(isSavedFloor(floor7, { ...floor7, label: '西主楼 7楼' })).toBe(true);
    expect(isSavedFloor(floor7, floor2)).toBe(false);
    expect(isSavedFloor(floor7, { ...floor7, buildingId: 'east-old' })).toBe(false);
    expect(isSavedFloor(null, floor7)).toBe(false);
  });

  it('someone on floor 7 who looks at floor 2’s route is offered "This is my floor", and floor 7 stays theirs until they tap it', () => {
    const onSave = vi.fn();
    const html = renderToStaticMarkup(<MyFloorChoice floor={floor2} saved={floor7} onSave={onSave} language="en" />);
    expect(html).toContain('data-testid="set-my-floor"');
    expect(html).toContain('This is my floor');
    expect(html).not.toContain('data-testid="my-floor-saved"');
    expect(onSave).not.toHaveBeenCalled();
  });

  it('says their own floor is saved, in Chinese too, with nothing to tap', () => {
    const html = renderToStaticMarkup(<MyFloorChoice floor={{ ...floor7, label: '西主楼 7楼' }} saved={floor7} onSave={() => undefined} language="zh-CN" />);
    expect(html).toContain('这一层已保存为我的楼层。');
    expect(html).not.toContain('<button');
  });

  it('is offered on a phone that has no floor saved yet', () => {
    expect(renderToStaticMarkup(<MyFloorChoice floor={floor7} saved={null} onSave={() => undefined} language="zh-CN" />)).toContain('这是我的楼层');
  });
});
