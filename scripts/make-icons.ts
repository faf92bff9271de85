// Writes the app icons in public/icons/ (npx tsx scripts/make-icons.ts): three decreasing bars, the
// shrinking pre-copy iterations, on the accent blue. PNGs are encoded here (zlib), no image library.
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const BG = [0x0b, 0x5c, 0xd5];
const FG = [0xff, 0xff, 0xff];
/** Bars in a 16-unit grid: [x0, x1, top] (bottoms at 13). */
const BARS = [
  [3, 6, 3],
  [7, 10, 7],
  [11, 13, 10.5],
];

function crc32(bytes: Buffer): number {
  let c = ~0;
  for (const b of bytes) {
    c ^= b;
    for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1));
  }
  return ~c >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'ascii');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

function png(size: number, maskable: boolean): Buffer {
  const rows: Buffer[] = [];
  // Maskable icons keep their drawing inside the central 80% (the safe zone).
  const inset = maskable ? 0.1 : 0;
  for (let y = 0; y < size; y++) {
    const row = Buffer.alloc(1 + size * 3);
    for (let x = 0; x < size; x++) {
      const u = ((x + 0.5) / size - inset) / (1 - 2 * inset) * 16;
      const v = ((y + 0.5) / size - inset) / (1 - 2 * inset) * 16;
      const bar = BARS.some(([x0, x1, top]) => u >= x0 && u < x1 && v >= top && v < 13);
      const colour = bar ? FG : BG;
      row.set(colour, 1 + x * 3);
    }
    rows.push(row);
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr.set([8, 2, 0, 0, 0], 8); // 8-bit RGB
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(Buffer.concat(rows))), chunk('IEND', Buffer.alloc(0))]);
}

const svg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 16 16"><rect width="16" height="16" rx="3" fill="#0b5cd5"/>${BARS.map(([x0, x1, top]) => `<rect x="${x0}" y="${top}" width="${x1 - x0}" height="${13 - top}" fill="#fff"/>`).join('')}</svg>\n`;

const dir = new URL('../public/icons/', import.meta.url);
writeFileSync(new URL('icon.svg', dir), svg);
writeFileSync(new URL('icon-192.png', dir), png(192, false));
writeFileSync(new URL('icon-512.png', dir), png(512, false));
writeFileSync(new URL('icon-maskable-512.png', dir), png(512, true));
console.log('wrote public/icons/icon.svg, icon-192.png, icon-512.png, icon-maskable-512.png');
