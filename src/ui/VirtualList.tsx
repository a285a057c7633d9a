import { cloneElement, useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type ReactElement } from 'react';
import { flushSync } from 'react-dom';

/**
 * A list whose page scrolls over many thousand entries while only those on screen (and a few
 * either side) are in the document: an incident of 100,000 events keeps a tap's re-render to a
 * screenful. Written here because no windowing library is installed; it does what the incident
 * needs and no more: the page (window) scrolls, entries have any height (measured as they show,
 * estimated until then), and:
 * - nothing is hidden: the list keeps its full height (padding stands in for the entries not in
 *   the document), so scrolling reaches every entry; `scrollToIndex` jumps to any of them;
 * - a screen reader hears the whole list: each entry says its place (aria-posinset of aria-setsize);
 * - printing prints every entry: the whole list is put in the document before the browser prints;
 * - a short list (up to `renderAllUpTo` entries) is rendered whole, exactly as a plain list, so
 *   find-in-page and everything else work as before on everyday incidents.
 */
export interface VirtualListProps {
  count: number;
  /** A stable key per entry: measured heights follow it when the list is filtered. */
  itemKey: (index: number) => string;
  /** The entry at `index`: an `<li>` element (its place and measurement attributes are added here). */
  renderItem: (index: number) => ReactElement<Record<string, unknown>>;
  /** A first guess at an entry's height in CSS pixels, until it is measured. */
  estimateHeight: number;
  renderAllUpTo?: number;
  /** Entries rendered beyond each edge of the screen, in screen heights. */
  overscanScreens?: number;
  className?: string;
  testId?: string;
  label?: string;
  /** Set by the caller to move the page to an entry: `{ index, at: 'start' | 'end' }`; a new object each time. */
  scrollTo?: { index: number; align: 'start' | 'end' } | null;
}

/** The first index whose entry ends below `y` (offsets[i] is where entry i starts; offsets[count] the total). */
function indexAt(offsets: Float64Array, count: number, y: number): number {
  let lo = 0;
  let hi = count;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (offsets[mid + 1]! <= y) lo = mid + 1;
    else hi = mid;
  }
  return Math.min(lo, Math.max(0, count - 1));
}

export function VirtualList({
  count,
  itemKey,
  renderItem,
  estimateHeight,
  renderAllUpTo = 100,
  overscanScreens = 1,
  className,
  testId,
  label,
  scrollTo = null,
}: VirtualListProps) {
  const windowed = count > renderAllUpTo;
  const listRef = useRef<HTMLOListElement>(null);
  const [heights, setHeights] = useState<ReadonlyMap<string, number>>(() => new Map());
  const [range, setRange] = useState({ start: 0, end: Math.min(count, 30) });
  const [printing, setPrinting] = useState(false);

  // Where each entry starts: measured heights where known, the estimate elsewhere. Recomputed when a
  // measurement changes or the list grows, never on scroll.
  const offsets = useMemo(() => {
    const out = new Float64Array(count + 1);
    if (!windowed) return out;
    for (let i = 0; i < count; i++) out[i + 1] = out[i]! + (heights.get(itemKey(i)) ?? estimateHeight);
    return out;
  }, [count, itemKey, estimateHeight, heights, windowed]);

  const update = useCallback((): void => {
    const list = listRef.current;
    if (!list || !windowed) return;
    const top = list.getBoundingClientRect().top;
    const screen = window.innerHeight;
    const from = Math.max(0, -top - screen * overscanScreens);
    const to = Math.max(0, -top + screen * (1 + overscanScreens));
    const start = indexAt(offsets, count, from);
    const end = Math.min(count, indexAt(offsets, count, to) + 1);
    setRange((r) => (r.start === start && r.end === end ? r : { start, end }));
  }, [offsets, count, windowed, overscanScreens]);

  useLayoutEffect(update, [update]);
  useEffect(() => {
    if (!windowed) return;
    let frame = 0;
    const onScroll = () => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(update);
    };
    window.addEventListener('scroll', onScroll, { passive: true });
    window.addEventListener('resize', onScroll);
    return () => {
      cancelAnimationFrame(frame);
      window.removeEventListener('scroll', onScroll);
      window.removeEventListener('resize', onScroll);
    };
  }, [update, windowed]);

  // Measure what is in the document, and again whenever an entry changes height (a photo loads, text zoom).
  useLayoutEffect(() => {
    const list = listRef.current;
    if (!list || !windowed || typeof ResizeObserver === 'undefined') return;
    const measure = (els: readonly Element[]) =>
      setHeights((known) => {
        let next: Map<string, number> | null = null;
        for (const el of els) {
          const key = (el as HTMLElement).dataset.key;
          const h = el.getBoundingClientRect().height;
          if (key === undefined || h === 0 || known.get(key) === h) continue;
          next ??= new Map(known);
          next.set(key, h);
        }
        return next ?? known;
      });
    const children = Array.from(list.children);
    measure(children);
    const observer = new ResizeObserver((entries) => measure(entries.map((x) => x.target)));
    for (const el of children) observer.observe(el);
    return () => observer.disconnect();
  }, [range, windowed, count]);

  // Printing puts every entry in the document (the browser prints what is there), then windows again.
  useEffect(() => {
    if (!windowed) return;
    const before = () => flushSync(() => setPrinting(true));
    const after = () => setPrinting(false);
    window.addEventListener('beforeprint', before);
    window.addEventListener('afterprint', after);
    return () => {
      window.removeEventListener('beforeprint', before);
      window.removeEventListener('afterprint', after);
    };
  }, [windowed]);

  // A jump lands where the estimates say, then again for a few frames as the entries around it are
  // measured (at 200% text they are far taller than estimated), so it ends on the entry asked for.
  const offsetsNow = useRef(offsets);
  useLayoutEffect(() => {
    offsetsNow.current = offsets;
  });
  useEffect(() => {
    const list = listRef.current;
    if (!scrollTo || !list) return;
    const index = Math.max(0, Math.min(count - 1, scrollTo.index));
    let frames = 0;
    let frame = 0;
    const land = () => {
      const at = offsetsNow.current;
      const listTop = list.getBoundingClientRect().top + window.scrollY;
      const y = scrollTo.align === 'start' ? listTop + (at[index] ?? 0) : listTop + (at[index + 1] ?? 0) - window.innerHeight;
      window.scrollTo({ top: Math.max(0, y) });
      if (++frames < 8) frame = requestAnimationFrame(land);
    };
    land();
    return () => cancelAnimationFrame(frame);
    // Only a new request scrolls: not a re-measurement, not a new entry.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [scrollTo]);

  const all = !windowed || printing;
  const start = all ? 0 : Math.min(range.start, count);
  const end = all ? count : Math.min(range.end, count);
  const items: ReactElement[] = [];
  for (let i = start; i < end; i++) {
    const key = itemKey(i);
    const extra: Record<string, unknown> = { key, 'data-key': key };
    if (windowed) Object.assign(extra, { 'aria-setsize': count, 'aria-posinset': i + 1 });
    items.push(cloneElement(renderItem(i), extra));
  }
  const style = all ? undefined : { paddingTop: offsets[start] ?? 0, paddingBottom: (offsets[count] ?? 0) - (offsets[end] ?? 0) };
  return (
    <ol ref={listRef} className={className} data-testid={testId} aria-label={label} style={style} data-windowed={windowed ? 'true' : undefined}>
      {items}
    </ol>
  );
}
