/**
 * Draws the app icon — a lime slice as the glass of a magnifying lens — and writes
 * assets/icons/icon.svg and a 512×512 assets/icons/icon.png from the same geometry.
 * Run: npx tsx build/generate-icon.ts (the outputs are committed; re-run after edits).
 */
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';

const SIZE = 512;
const outDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'assets', 'icons');

type Rgb = readonly [number, number, number];
const hex = (h: string): Rgb => [1, 3, 5].map((i) => parseInt(h.slice(i, i + 2), 16)) as unknown as Rgb;

const C = {
  backgroundTop: '#1d4a33',
  backgroundBottom: '#102b1e',
  peel: '#6fa82a',
  pith: '#f3f8e1',
  flesh: '#c3e26a',
  handle: '#e6edd0',
  highlight: '#ffffff',
} as const;

// Geometry in 512-px units.
const tile = { inset: 24, radius: 104 };
const lens = { cx: 214, cy: 214, peel: 152, pith: 138, flesh: 128, core: 16, segments: 9, gap: 7 };
const handle = { x1: 318, y1: 318, x2: 430, y2: 430, width: 50 };
const glint = { r0: 96, r1: 110, from: 200, to: 245, alpha: 0.55 };

// ---------------------------------------------------------------- signed tests

function inRoundedSquare(x: number, y: number): boolean {
  const lo = tile.inset + tile.radius;
  const hi = SIZE - tile.inset - tile.radius;
  const dx = Math.max(lo - x, 0, x - hi);
  const dy = Math.max(lo - y, 0, y - hi);
  return (
    x >= tile.inset &&
    x <= SIZE - tile.inset &&
    y >= tile.inset &&
    y <= SIZE - tile.inset &&
    dx * dx + dy * dy <= tile.radius ** 2
  );
}

function distanceToSegment(x: number, y: number): number {
  const { x1, y1, x2, y2 } = handle;
  const vx = x2 - x1;
  const vy = y2 - y1;
  const t = Math.max(0, Math.min(1, ((x - x1) * vx + (y - y1) * vy) / (vx * vx + vy * vy)));
  return Math.hypot(x - (x1 + t * vx), y - (y1 + t * vy));
}

/** Colour and alpha of the icon at one (sub-)pixel position, painted back to front. */
function shade(x: number, y: number): [number, number, number, number] {
  if (!inRoundedSquare(x, y)) return [0, 0, 0, 0];
  const t = (y - tile.inset) / (SIZE - 2 * tile.inset);
  const top = hex(C.backgroundTop);
  const bottom = hex(C.backgroundBottom);
  let rgb: [number, number, number] = [0, 1, 2].map((i) => top[i] + (bottom[i] - top[i]) * t) as [
    number,
    number,
    number,
  ];

  if (distanceToSegment(x, y) <= handle.width / 2) rgb = [...hex(C.handle)];

  const dx = x - lens.cx;
  const dy = y - lens.cy;
  const r = Math.hypot(dx, dy);
  if (r <= lens.peel) {
    if (r > lens.pith) rgb = [...hex(C.peel)];
    else if (r > lens.flesh || r <= lens.core) rgb = [...hex(C.pith)];
    else {
      // Pith lines between the segments: distance from the point to the nearest spoke.
      const angle = Math.atan2(dy, dx) + Math.PI / 2;
      const step = (2 * Math.PI) / lens.segments;
      const offset = ((angle % step) + step) % step;
      const toSpoke = r * Math.sin(Math.min(offset, step - offset));
      rgb = toSpoke <= lens.gap / 2 ? [...hex(C.pith)] : [...hex(C.flesh)];
    }
    const deg = ((Math.atan2(dy, dx) * 180) / Math.PI + 360) % 360;
    if (r >= glint.r0 && r <= glint.r1 && deg >= glint.from && deg <= glint.to) {
      const w = hex(C.highlight);
      rgb = [0, 1, 2].map((i) => rgb[i] + (w[i] - rgb[i]) * glint.alpha) as [number, number, number];
    }
  }
  return [rgb[0], rgb[1], rgb[2], 255];
}

// ---------------------------------------------------------------- PNG

function renderRgba(): Uint8Array {
  const ss = 4; // 4×4 samples per pixel for smooth edges
  const out = new Uint8Array(SIZE * SIZE * 4);
  for (let py = 0; py < SIZE; py++) {
    for (let px = 0; px < SIZE; px++) {
      let r = 0,
        g = 0,
        b = 0,
        a = 0;
      for (let sy = 0; sy < ss; sy++) {
        for (let sx = 0; sx < ss; sx++) {
          const [cr, cg, cb, ca] = shade(px + (sx + 0.5) / ss, py + (sy + 0.5) / ss);
          r += cr * ca;
          g += cg * ca;
          b += cb * ca;
          a += ca;
        }
      }
      const o = (py * SIZE + px) * 4;
      // Premultiplied sums → straight alpha.
      out[o] = a ? Math.round(r / a) : 0;
      out[o + 1] = a ? Math.round(g / a) : 0;
      out[o + 2] = a ? Math.round(b / a) : 0;
      out[o + 3] = Math.round(a / (ss * ss));
    }
  }
  return out;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const byte of bytes) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Uint8Array): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'ascii');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

/** A minimal PNG encoder: 8-bit RGBA, no filtering, one zlib stream. */
export function encodePng(rgba: Uint8Array, width: number, height: number): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 6, 0, 0, 0], 8); // bit depth 8, colour type RGBA, deflate, filter 0, no interlace
  const raw = Buffer.alloc((width * 4 + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (width * 4 + 1)] = 0; // filter: none
    raw.set(rgba.subarray(y * width * 4, (y + 1) * width * 4), y * (width * 4 + 1) + 1);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', new Uint8Array(0)),
  ]);
}

// ---------------------------------------------------------------- SVG

function svg(): string {
  const f = (n: number) => Number(n.toFixed(2));
  const step = 360 / lens.segments;
  const spokes = Array.from({ length: lens.segments }, (_, i) => {
    const a = ((i * step - 90) * Math.PI) / 180;
    return `<line x1="${lens.cx}" y1="${lens.cy}" x2="${f(lens.cx + lens.flesh * Math.cos(a))}" y2="${f(lens.cy + lens.flesh * Math.sin(a))}"/>`;
  }).join('');
  const arc = (deg: number, r: number) => {
    const a = (deg * Math.PI) / 180;
    return `${f(lens.cx + r * Math.cos(a))} ${f(lens.cy + r * Math.sin(a))}`;
  };
  const gr = (glint.r0 + glint.r1) / 2;
  const side = SIZE - 2 * tile.inset;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${SIZE}" height="${SIZE}" viewBox="0 0 ${SIZE} ${SIZE}">
  <title>Lime Lens</title>
  <defs>
    <linearGradient id="bg" x1="0" y1="0" x2="0" y2="1">
      <stop offset="0" stop-color="${C.backgroundTop}"/>
      <stop offset="1" stop-color="${C.backgroundBottom}"/>
    </linearGradient>
  </defs>
  <rect x="${tile.inset}" y="${tile.inset}" width="${side}" height="${side}" rx="${tile.radius}" fill="url(#bg)"/>
  <line x1="${handle.x1}" y1="${handle.y1}" x2="${handle.x2}" y2="${handle.y2}" stroke="${C.handle}" stroke-width="${handle.width}" stroke-linecap="round"/>
  <circle cx="${lens.cx}" cy="${lens.cy}" r="${lens.peel}" fill="${C.peel}"/>
  <circle cx="${lens.cx}" cy="${lens.cy}" r="${lens.pith}" fill="${C.pith}"/>
  <circle cx="${lens.cx}" cy="${lens.cy}" r="${lens.flesh}" fill="${C.flesh}"/>
  <g stroke="${C.pith}" stroke-width="${lens.gap}">${spokes}</g>
  <circle cx="${lens.cx}" cy="${lens.cy}" r="${lens.core}" fill="${C.pith}"/>
  <path d="M ${arc(glint.from, gr)} A ${gr} ${gr} 0 0 1 ${arc(glint.to, gr)}" fill="none" stroke="${C.highlight}" stroke-opacity="${glint.alpha}" stroke-width="${glint.r1 - glint.r0}"/>
</svg>
`;
}

writeFileSync(join(outDir, 'icon.png'), encodePng(renderRgba(), SIZE, SIZE));
writeFileSync(join(outDir, 'icon.svg'), svg());
console.log(`wrote ${join(outDir, 'icon.png')} and icon.svg`);
