// Draws the extension's Marketplace logo (128×128, images/harmony-logo.png) and the widget's
// catalog icon (images/harmony-widget.png) as PNG files, with no image tool needed: a target
// (the objective) with three rising bars (key results), on ADO blue. Run it again after changing
// the drawing: `npx tsx src/ado/icons/draw-icons.ts`.
import { mkdirSync, writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

type Rgba = [number, number, number, number];

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) c = (CRC_TABLE[(c ^ b) & 0xff] as number) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Uint8Array): Buffer {
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const out = Buffer.alloc(body.length + 8);
  out.writeUInt32BE(data.length, 0);
  body.copy(out, 4);
  out.writeUInt32BE(crc32(body), body.length + 4);
  return out;
}

/** An RGBA PNG of `size`×`size` from a colour function over [0,1)², 4×4 supersampled. */
function png(size: number, colour: (x: number, y: number) => Rgba): Buffer {
  const rows: Buffer[] = [];
  const ss = 4;
  for (let y = 0; y < size; y++) {
    const row = Buffer.alloc(1 + size * 4);
    for (let x = 0; x < size; x++) {
      const sum = [0, 0, 0, 0];
      for (let sy = 0; sy < ss; sy++) {
        for (let sx = 0; sx < ss; sx++) {
          const [r, g, b, a] = colour((x + (sx + 0.5) / ss) / size, (y + (sy + 0.5) / ss) / size);
          // Premultiplied, so transparent samples do not darken the edges.
          sum[0] = (sum[0] as number) + r * a;
          sum[1] = (sum[1] as number) + g * a;
          sum[2] = (sum[2] as number) + b * a;
          sum[3] = (sum[3] as number) + a;
        }
      }
      const alpha = (sum[3] as number) / (ss * ss);
      const px = 1 + x * 4;
      for (let c = 0; c < 3; c++) row[px + c] = alpha > 0 ? Math.round((sum[c] as number) / (sum[3] as number)) : 0;
      row[px + 3] = Math.round(alpha * 255);
    }
    rows.push(row);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.concat(rows), { level: 9 })),
    chunk('IEND', new Uint8Array()),
  ]);
}

const BLUE: Rgba = [0, 120, 212, 1];
const WHITE: Rgba = [255, 255, 255, 1];
const CLEAR: Rgba = [0, 0, 0, 0];

/** Inside a square of side 1 with corners rounded by `r`. */
function inRoundedSquare(x: number, y: number, r: number): boolean {
  const dx = Math.max(r - x, 0, x - (1 - r));
  const dy = Math.max(r - y, 0, y - (1 - r));
  return dx * dx + dy * dy <= r * r;
}

function logo(x: number, y: number): Rgba {
  if (!inRoundedSquare(x, y, 0.18)) return CLEAR;
  // The target, upper left: two rings and a bull's eye.
  const d = Math.hypot(x - 0.4, y - 0.4);
  if (d < 0.065 || (d > 0.13 && d < 0.18) || (d > 0.235 && d < 0.28)) return WHITE;
  // Three rising bars, lower right.
  const bars = [
    { x0: 0.56, top: 0.66 },
    { x0: 0.67, top: 0.56 },
    { x0: 0.78, top: 0.44 },
  ];
  for (const bar of bars) if (x >= bar.x0 && x <= bar.x0 + 0.08 && y >= bar.top && y <= 0.82) return WHITE;
  return BLUE;
}

const out = new URL('../../../images/', import.meta.url);
mkdirSync(out, { recursive: true });
writeFileSync(new URL('harmony-logo.png', out), png(128, logo));
writeFileSync(new URL('harmony-widget.png', out), png(64, logo));
console.info(`wrote ${new URL('harmony-logo.png', out).pathname} and harmony-widget.png`);
