// A chart as a standalone SVG document: the plot's SVG with its computed styles written onto every
// element (the page's CSS and custom properties do not travel with the file), the notes written over
// it in HTML, a title, the legend and a caption with the scenario in words and the share link, built
// in a DOMParser document.

const SVG_NS = 'http://www.w3.org/2000/svg';

/** The computed properties that decide how SVG content looks. */
const STYLE_PROPS = [
  'display', 'visibility', 'opacity', 'fill', 'fill-opacity', 'fill-rule', 'stroke', 'stroke-width', 'stroke-opacity',
  'stroke-dasharray', 'stroke-dashoffset', 'stroke-linecap', 'stroke-linejoin', 'font-family', 'font-size',
  'font-weight', 'font-style', 'text-anchor', 'dominant-baseline', 'shape-rendering', 'paint-order', 'pointer-events',
] as const;

export interface ExportedSvg {
  text: string;
  /** CSS pixels, whole numbers (the PNG is exactly twice as large). */
  width: number;
  height: number;
}

export interface SvgCaption {
  title: string | null;
  /** The scenario in words. */
  caption: string;
  /** The share link, or null when the run cannot be linked (an uploaded trace). */
  link: string | null;
  /** Said instead of the link when there is none. */
  linkNote?: string;
}

const PAD = 16;

/**
 * The plot's SVG copied into `doc`, each element given its source's computed style as presentation
 * attributes. Style attributes are dropped before parsing, never written: Chromium gives DOMParser
 * documents the page's CSP, and style-src 'self' would refuse them.
 */
function inlinedCopy(source: SVGSVGElement, doc: XMLDocument): SVGSVGElement {
  const markup = new XMLSerializer().serializeToString(source).replace(/\sstyle="[^"]*"/g, '');
  const parsed = new DOMParser().parseFromString(markup, 'image/svg+xml');
  const copy = doc.importNode(parsed.documentElement, true) as unknown as SVGSVGElement;
  const from = [source, ...source.querySelectorAll('*')];
  const to = [copy, ...copy.querySelectorAll('*')];
  from.forEach((el, i) => {
    const target = to[i];
    if (!target) return;
    const style = getComputedStyle(el);
    for (const p of STYLE_PROPS) target.setAttribute(p, style.getPropertyValue(p));
    target.removeAttribute('class');
  });
  copy.removeAttribute('role');
  return copy;
}

let measurer: CanvasRenderingContext2D | null = null;

function measure(text: string, font: string): number {
  measurer ??= document.createElement('canvas').getContext('2d');
  if (!measurer) return text.length * 7;
  measurer.font = font;
  return measurer.measureText(text).width;
}

/** Greedy wrap to `width` pixels: at spaces, or for a link (no spaces) after each '&'. */
function wrap(text: string, width: number, font: string, link = false): string[] {
  const lines: string[] = [];
  let line = '';
  const joiner = link ? '' : ' ';
  for (const word of link ? text.split(/(?<=&)/) : text.split(/\s+/).filter(Boolean)) {
    const next = line ? `${line}${joiner}${word}` : word;
    if (line && measure(next, font) > width) {
      lines.push(line);
      line = word;
    } else {
      line = next;
    }
  }
  if (line) lines.push(line);
  return lines;
}

function cssVar(el: Element, name: string, fallback: string): string {
  return getComputedStyle(el).getPropertyValue(name).trim() || fallback;
}

function transparent(colour: string): boolean {
  return colour === 'transparent' || /rgba\([^)]*,\s*0\)$/.test(colour);
}

/** A legend entry's words without its glossary terms' tooltips (teach/Term.tsx), which are not part of the label. */
function legendLabel(el: Element): string {
  const copy = el.cloneNode(true) as Element;
  copy.querySelectorAll('[role="tooltip"]').forEach((tip) => tip.remove());
  return (copy.textContent ?? '').replace(/\s+/g, ' ').trim();
}

export function standaloneChartSvg(figure: HTMLElement, { title, caption, link, linkNote }: SvgCaption): ExportedSvg {
  const plotArea = figure.querySelector<HTMLElement>('.chart__plot');
  const plots = plotArea ? [...plotArea.querySelectorAll<SVGSVGElement>('svg')].filter((s) => !s.parentElement?.closest('svg')) : [];
  if (plots.length === 0) throw new Error('the chart has nothing drawn yet');
  const doc = new DOMParser().parseFromString(`<svg xmlns="${SVG_NS}"/>`, 'image/svg+xml');
  const root = doc.documentElement;
  const make = (name: string, attrs: Record<string, string | number>, text?: string) => {
    const el = doc.createElementNS(SVG_NS, name);
    for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
    if (text !== undefined) el.textContent = text;
    return el;
  };

  const style = getComputedStyle(figure);
  const fontFamily = style.fontFamily || 'sans-serif';
  const fontPx = parseFloat(cssVar(figure, '--chart-font-size', '13')) || 13;
  const fg = cssVar(figure, '--chart-fg', '#1d2329');
  const muted = cssVar(figure, '--chart-muted', '#4c5560');
  const bg = cssVar(figure, '--chart-bg', '#ffffff');
  const areaBox = plotArea!.getBoundingClientRect();
  const plotW = Math.max(...plots.map((p) => p.getBoundingClientRect().right - areaBox.left), 200);
  const plotH = Math.max(...plots.map((p) => p.getBoundingClientRect().bottom - areaBox.top), 100);
  const width = Math.ceil(plotW + 2 * PAD);
  const inner = width - 2 * PAD;
  const body = doc.createElementNS(SVG_NS, 'g');
  let y = PAD;

  if (title) {
    const font = `bold ${fontPx * 1.25}px ${fontFamily}`;
    for (const line of wrap(title, inner, font)) {
      y += fontPx * 1.5;
      body.append(make('text', { x: PAD, y, fill: fg, 'font-family': fontFamily, 'font-size': fontPx * 1.25, 'font-weight': 'bold' }, line));
    }
    y += fontPx * 0.6;
  }

  for (const plot of plots) {
    const box = plot.getBoundingClientRect();
    const copy = inlinedCopy(plot, doc);
    copy.setAttribute('x', String(PAD + box.left - areaBox.left));
    copy.setAttribute('y', String(y + box.top - areaBox.top));
    copy.setAttribute('width', String(box.width));
    copy.setAttribute('height', String(box.height));
    if (!copy.hasAttribute('viewBox')) copy.setAttribute('viewBox', `0 0 ${box.width} ${box.height}`);
    body.append(copy);
  }
  // Words written over the plot in HTML (the iteration chart's stop note), drawn where they show.
  for (const line of plotArea!.querySelectorAll<HTMLElement>('[data-plot-note-line]')) {
    const box = line.getBoundingClientRect();
    const lineStyle = getComputedStyle(line);
    const at = { x: PAD + box.right - areaBox.left, y: y + box.top - areaBox.top + box.height / 2 };
    const attrs = { ...at, 'text-anchor': 'end', 'dominant-baseline': 'central', fill: lineStyle.color, 'font-family': fontFamily, 'font-size': lineStyle.fontSize };
    body.append(make('text', attrs, legendLabel(line)));
  }
  y += plotH + fontPx;

  // The legend: swatch and text per item, wrapped into rows.
  const legendFont = `${fontPx}px ${fontFamily}`;
  let x = PAD;
  const rowH = fontPx * 1.7;
  const items = [...figure.querySelectorAll<HTMLElement>('.chart__legend-item')];
  if (items.length) y += rowH / 2;
  const legend = make('g', { 'data-legend': '' });
  for (const item of items) {
    const swatch = item.querySelector<HTMLElement>('.chart__swatch');
    const label = legendLabel(swatch?.nextElementSibling ?? item);
    const swatchSvg = swatch?.querySelector<SVGSVGElement>('svg');
    const swatchBox = (swatchSvg ?? swatch?.firstElementChild ?? swatch)?.getBoundingClientRect();
    const sw = Math.min(Math.max(swatchBox?.width || 14, 8), 40);
    const sh = Math.min(Math.max(swatchBox?.height || 12, 6), rowH);
    const itemW = sw + 6 + measure(label, legendFont) + 18;
    if (x > PAD && x + itemW > PAD + inner) {
      x = PAD;
      y += rowH;
    }
    if (swatchSvg) {
      const copy = inlinedCopy(swatchSvg, doc);
      Object.entries({ x, y: y - sh / 2, width: sw, height: sh }).forEach(([k, v]) => copy.setAttribute(k, String(v)));
      legend.append(copy);
    } else if (swatch?.firstElementChild) {
      const s = getComputedStyle(swatch.firstElementChild);
      const fill = transparent(s.backgroundColor) ? cssVar(figure, '--final-bg', '#fbe3d1') : s.backgroundColor;
      const stroke = s.borderStyle !== 'none' && parseFloat(s.borderWidth) > 0 ? s.borderColor : s.outlineStyle !== 'none' ? s.outlineColor : 'none';
      legend.append(make('rect', { x, y: y - sh / 2, width: sw, height: sh, rx: 2, fill, stroke }));
    }
    legend.append(make('text', { x: x + sw + 6, y, 'dominant-baseline': 'central', fill: fg, 'font-family': fontFamily, 'font-size': fontPx }, label));
    x += itemW;
  }
  body.append(legend);
  if (items.length) y += rowH / 2 + fontPx * 0.5;

  // The caption: what was simulated, and where to see it again.
  const captionFont = `${fontPx * 0.95}px ${fontFamily}`;
  // A line broken at a space keeps that space, so the caption's text reads whole ("pages/s dirtied"); a
  // link is broken after '&' and keeps no space.
  const spaced = (lines: string[], last: boolean) => lines.map((line, i) => (last || i < lines.length - 1 ? `${line} ` : line));
  const tail = link ? wrap(link, inner, captionFont, true) : linkNote ? spaced(wrap(linkNote, inner, captionFont), false) : [];
  const captionLines = [...spaced(wrap(caption, inner, captionFont), tail.length > 0), ...tail];
  const captionText = make('text', { x: PAD, y, fill: muted, 'font-family': fontFamily, 'font-size': fontPx * 0.95, 'data-caption': '' });
  for (const line of captionLines) {
    y += fontPx * 1.4;
    captionText.append(make('tspan', { x: PAD, y }, line));
  }
  body.append(captionText);
  const height = Math.ceil(y + PAD);

  root.setAttribute('width', String(width));
  root.setAttribute('height', String(height));
  root.setAttribute('viewBox', `0 0 ${width} ${height}`);
  root.append(make('title', {}, title ?? 'Chart'), make('desc', {}, [caption, link ?? linkNote ?? ''].join(' ').trim()));
  root.append(make('rect', { x: 0, y: 0, width, height, fill: bg }), body);
  return { text: `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(doc)}\n`, width, height };
}
