// Measures an element's content width with a ResizeObserver (window resize where there is none), and
// its font size (the charts' --chart-font-size), so labels and margins follow projector-size type.
import { useLayoutEffect, useRef, useState, type RefObject } from 'react';

/** Used until the first measurement, and when the element measures 0 (e.g. inside display:none). */
export const FALLBACK_WIDTH = 720;
export const FALLBACK_FONT_PX = 13;

export interface ContainerSize {
  width: number;
  /** Computed font size of the element, px. */
  fontPx: number;
  /**
   * The height the layout gives the plot, px, when its stylesheet asks charts to fill it
   * (`--chart-fill: 1`, as on the one-screen workbench); null: the chart picks its height from its width.
   */
  fillHeight: number | null;
  /** False until the first measurement (a layout effect, before the first paint): the plot is drawn once. */
  measured: boolean;
}

export function useContainerSize<T extends HTMLElement>(): [RefObject<T | null>, ContainerSize] {
  const ref = useRef<T | null>(null);
  const [width, setWidth] = useState(0);
  const [fontPx, setFontPx] = useState(FALLBACK_FONT_PX);
  const [fillHeight, setFillHeight] = useState<number | null>(null);
  const [measured, setMeasured] = useState(false);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    // Whole pixels only: sub-pixel jitter must not re-render the chart.
    const setW = (w: number) => setWidth(Math.floor(w));
    const readFont = () => {
      const style = getComputedStyle(el);
      const px = parseFloat(style.fontSize);
      if (px > 0) setFontPx(Math.round(px * 4) / 4);
      // The plot's own height only counts where the layout, not the chart, sets it.
      const fill = style.getPropertyValue('--chart-fill').trim() === '1';
      setFillHeight(fill && el.clientHeight > 0 ? Math.floor(el.clientHeight) : null);
    };
    setW(el.clientWidth);
    readFont();
    setMeasured(true);
    const cleanups: (() => void)[] = [];
    if (typeof ResizeObserver === 'undefined') {
      const onResize = () => {
        setW(el.clientWidth);
        readFont();
      };
      window.addEventListener('resize', onResize);
      cleanups.push(() => window.removeEventListener('resize', onResize));
    } else {
      const ro = new ResizeObserver((entries) => {
        const entry = entries[entries.length - 1];
        if (entry) setW(entry.contentRect.width);
        readFont();
      });
      ro.observe(el);
      cleanups.push(() => ro.disconnect());
    }
    // A theme or type-size switch on <html> (data-theme, data-type, class, style) may change the font
    // without changing the width.
    if (typeof MutationObserver !== 'undefined') {
      const mo = new MutationObserver(readFont);
      mo.observe(document.documentElement, { attributes: true });
      cleanups.push(() => mo.disconnect());
    }
    return () => cleanups.forEach((f) => f());
  }, []);
  return [ref, { width: width > 0 ? width : FALLBACK_WIDTH, fontPx, fillHeight, measured }];
}
