/**
 * PNG images of charts and whole views, drawn in the renderer so the same code runs in
 * Electron and in the e2e harness. Main only receives the finished PNG (as a data URL)
 * and chooses where it goes.
 *
 * A whole view is serialised into an SVG <foreignObject> with every element's computed
 * style inlined and each chart canvas replaced by its picture, then drawn onto a canvas at
 * 2×. Unlike capturing the window, this includes the part of the view scrolled out of sight.
 */

export const EXPORT_PIXEL_RATIO = 2;
/** Chromium refuses canvases with a side above 32767 px or more than ~268 M pixels; stay well inside. */
const MAX_CANVAS_SIDE = 16_000;
const MAX_CANVAS_PIXELS = 120_000_000;

export interface ImageColors {
  readonly background: string;
  readonly text: string;
}

/** The theme's surface and text colours, as the page shows them now. */
export function themeColors(from: Element = document.documentElement): ImageColors {
  const style = getComputedStyle(from);
  return {
    background: style.getPropertyValue('--surface').trim() || '#ffffff',
    text: style.getPropertyValue('--text').trim() || '#1f2933',
  };
}

/** A file name from a title: no path separators or characters file systems refuse. */
export function pngFileName(title: string): string {
  const clean = title
    .replace(/[\\/:*?"<>|\p{Cc}]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^\.+/, '')
    .slice(0, 120);
  return `${clean || 'Lime Lens'}.png`;
}

function loadImage(src: string): Promise<HTMLImageElement> {
  const img = new Image();
  img.src = src;
  return img.decode().then(() => img);
}

/** The scale that keeps a width × height (CSS px) drawing inside the canvas limits, at most `wanted`. */
export function safeRatio(width: number, height: number, wanted = EXPORT_PIXEL_RATIO): number {
  const bySide = MAX_CANVAS_SIDE / Math.max(width, height, 1);
  const byArea = Math.sqrt(MAX_CANVAS_PIXELS / Math.max(width * height, 1));
  return Math.min(wanted, bySide, byArea);
}

/**
 * A chart picture with its title above it: `chartUrl` is ECharts' getDataURL at `ratio`
 * (legend included, background filled); the result is (width × (height + title band)) · ratio.
 */
export async function chartWithTitle(
  chartUrl: string,
  size: { width: number; height: number },
  title: string,
  colors: ImageColors,
  ratio = EXPORT_PIXEL_RATIO,
): Promise<string> {
  const band = 36;
  const chart = await loadImage(chartUrl);
  const canvas = document.createElement('canvas');
  canvas.width = Math.round(size.width * ratio);
  canvas.height = Math.round((size.height + band) * ratio);
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('No 2D canvas.');
  ctx.scale(ratio, ratio);
  ctx.fillStyle = colors.background;
  ctx.fillRect(0, 0, size.width, size.height + band);
  ctx.fillStyle = colors.text;
  ctx.font = `600 15px ${getComputedStyle(document.body).fontFamily}`;
  ctx.textBaseline = 'middle';
  ctx.fillText(title, 12, band / 2, size.width - 24);
  ctx.drawImage(chart, 0, band, size.width, size.height);
  return canvas.toDataURL('image/png');
}

/** A deep copy of `source` with computed styles inlined and canvases turned into images. */
function styledClone(source: Element): Element {
  if (source instanceof HTMLCanvasElement) {
    const img = document.createElement('img');
    img.src = source.toDataURL('image/png');
    img.setAttribute('style', inlineStyle(source));
    return img;
  }
  const clone = source.cloneNode(false) as Element;
  if (clone instanceof HTMLElement || clone instanceof SVGElement) {
    clone.setAttribute('style', inlineStyle(source));
  }
  if (source instanceof HTMLInputElement) {
    if (source.type === 'checkbox' || source.type === 'radio') {
      if (source.checked) clone.setAttribute('checked', '');
      else clone.removeAttribute('checked');
    } else clone.setAttribute('value', source.value);
  }
  if (source instanceof HTMLSelectElement) clone.setAttribute('data-value', source.value);
  for (const child of source.childNodes) {
    if (child.nodeType === Node.ELEMENT_NODE) {
      const el = child as Element;
      if (el.tagName === 'SCRIPT' || el.tagName === 'DIALOG' || el.hasAttribute('data-export-skip')) continue;
      const childClone = styledClone(el);
      if (el instanceof HTMLOptionElement && el.selected) childClone.setAttribute('selected', '');
      clone.appendChild(childClone);
    } else if (child.nodeType === Node.TEXT_NODE) {
      clone.appendChild(child.cloneNode(false));
    }
  }
  return clone;
}

function inlineStyle(el: Element): string {
  const style = getComputedStyle(el);
  let out = '';
  for (let i = 0; i < style.length; i++) {
    const name = style[i];
    out += `${name}:${style.getPropertyValue(name)};`;
  }
  return out;
}

/**
 * The whole of `root`, including what is scrolled out of sight, as a PNG data URL at up to
 * 2× (less for very tall views, see safeRatio). Returns the image and its pixel size.
 */
export async function elementPng(
  root: HTMLElement,
  colors: ImageColors,
): Promise<{ url: string; width: number; height: number }> {
  const width = Math.ceil(root.scrollWidth);
  const height = Math.ceil(root.scrollHeight);
  const clone = styledClone(root) as HTMLElement;
  // The copy is laid out at full height: no scrolling, no clipping, nothing sticky.
  clone.style.setProperty('overflow', 'visible');
  clone.style.setProperty('height', `${height}px`);
  clone.style.setProperty('width', `${width}px`);
  clone.style.setProperty('max-height', 'none');
  clone.setAttribute('xmlns', 'http://www.w3.org/1999/xhtml');
  const xhtml = new XMLSerializer().serializeToString(clone);
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">` +
    `<foreignObject x="0" y="0" width="${width}" height="${height}">${xhtml}</foreignObject></svg>`;
  const picture = await loadImage(`data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`);
  const ratio = safeRatio(width, height);
  const canvas = document.createElement('canvas');
  canvas.width = Math.round(width * ratio);
  canvas.height = Math.round(height * ratio);
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('No 2D canvas.');
  ctx.scale(ratio, ratio);
  ctx.fillStyle = colors.background;
  ctx.fillRect(0, 0, width, height);
  ctx.drawImage(picture, 0, 0, width, height);
  return { url: canvas.toDataURL('image/png'), width: canvas.width, height: canvas.height };
}
