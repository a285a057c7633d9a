import { describe, expect, it } from 'vitest';
import { historyReducer, type History } from './drafts';

const start: History = historyReducer({ past: [], present: undefined, future: [], typing: null, rev: 0 }, { type: 'load', body: { title: '' } });

describe('the undo history of a draft', () => {
  it('typing a word into one field is one step back, not one per letter', () => {
    let h = start;
    for (const title of ['F', 'Fi', 'Fir', 'Fire']) h = historyReducer(h, { type: 'change', body: { title }, typingAt: 'title' });
    h = historyReducer(h, { type: 'change', body: { title: 'Fire', summary: 'S' }, typingAt: 'summary' });
    expect(h.past).toEqual([{ title: '' }, { title: 'Fire' }]);
    h = historyReducer(h, { type: 'undo' });
    expect(h.present).toEqual({ title: 'Fire' });
    h = historyReducer(h, { type: 'undo' });
    expect(h.present).toEqual({ title: '' });
    h = historyReducer(h, { type: 'redo' });
    expect(h.present).toEqual({ title: 'Fire' });
  });

  it('a removal after typing is a step of its own, and undo brings the item back', () => {
    let h = historyReducer(start, { type: 'change', body: { floors: ['b1', 'f1'] }, typingAt: null });
    h = historyReducer(h, { type: 'change', body: { floors: ['f1'] }, typingAt: null });
    h = historyReducer(h, { type: 'undo' });
    expect(h.present).toEqual({ floors: ['b1', 'f1'] });
    expect(h.future).toEqual([{ floors: ['f1'] }]);
  });

  it('every change moves the revision on, so the saver writes it', () => {
    const a = historyReducer(start, { type: 'change', body: { title: 'x' }, typingAt: 'title' });
    const b = historyReducer(a, { type: 'undo' });
    expect([start.rev, a.rev, b.rev]).toEqual([0, 1, 2]);
    expect(historyReducer(b, { type: 'undo' })).toBe(b);
  });
});
