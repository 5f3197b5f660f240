import { useCallback, useLayoutEffect, useRef, useState, type UIEvent } from 'react';

/**
 * Which rows of a long list are in view, for a scroll container whose rows all have one height:
 * the list then puts only those (and a few either side) in the DOM, whatever its length.
 */
export function useZichtbareRijen(rijHoogte: number, extra = 8) {
  const ref = useRef<HTMLDivElement>(null);
  const [scroll, setScroll] = useState(0);
  const [hoogte, setHoogte] = useState(800);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const meet = () => setHoogte(el.clientHeight || 800);
    meet();
    const waarnemer = new ResizeObserver(meet);
    waarnemer.observe(el);
    return () => waarnemer.disconnect();
  }, []);
  const onScroll = useCallback(
    (e: UIEvent<HTMLElement>) => setScroll(e.currentTarget.scrollTop),
    [],
  );
  const naarBoven = useCallback(() => {
    if (ref.current) ref.current.scrollTop = 0;
    setScroll(0);
  }, []);
  return {
    ref,
    onScroll,
    naarBoven,
    /** First row to render. */
    eerste: Math.max(0, Math.floor(scroll / rijHoogte) - extra),
    /** Row after the last to render (may lie past the end of the list). */
    tot: Math.ceil((scroll + hoogte) / rijHoogte) + extra,
  };
}
