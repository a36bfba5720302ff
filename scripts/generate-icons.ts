// Draws the app and tray icons as PNG files with nothing but zlib (no image package needed).
// Run: node --import tsx scripts/generate-icons.ts
//   resources/icons/app.png (512), tray-fine.png / tray-attention.png (16, and @2x 32), build/icon.png (1024)
// A blue disc with a white ring (a token) when all is fine; an amber disc with a white "!" when something needs attention.
import { mkdirSync, writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(bytes: Buffer): number {
  let c = 0xffffffff;
  for (const byte of bytes) c = (CRC_TABLE[(c ^ byte) & 0xff] ?? 0) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const typed = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typed));
  return Buffer.concat([length, typed, crc]);
}
type Rgba = [number, number, number, number];
type Rgb = [number, number, number];
type Shape = (u: number, v: number) => 'disc' | 'mark' | null;

function png(size: number, rgbaAt: (x: number, y: number) => Rgba): Buffer {
  const rows: Buffer[] = [];
  for (let y = 0; y < size; y += 1) {
    const row = Buffer.alloc(1 + size * 4);
    for (let x = 0; x < size; x += 1) Buffer.from(rgbaAt(x, y)).copy(row, 1 + x * 4);
    rows.push(row);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA, no interlace
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header), chunk('IDAT', deflateSync(Buffer.concat(rows))), chunk('IEND', Buffer.alloc(0))]);
}

/** Shape functions take coordinates in [0,1] and return 'disc' | 'mark' | null. */
const fineShape: Shape = (u, v) => {
  const r = Math.hypot(u - 0.5, v - 0.5);
  if (r > 0.47) return null;
  return r > 0.2 && r < 0.3 ? 'mark' : 'disc';
};
const attentionShape: Shape = (u, v) => {
  const r = Math.hypot(u - 0.5, v - 0.5);
  if (r > 0.47) return null;
  const bar = Math.abs(u - 0.5) < 0.07 && v > 0.2 && v < 0.6;
  const dot = Math.hypot(u - 0.5, v - 0.74) < 0.075;
  return bar || dot ? 'mark' : 'disc';
};

function render(size: number, shape: Shape, disc: Rgb): Buffer {
  const samples = 4; // supersampling for smooth edges
  return png(size, (x, y) => {
    let r = 0;
    let g = 0;
    let b = 0;
    let a = 0;
    for (let sy = 0; sy < samples; sy += 1) {
      for (let sx = 0; sx < samples; sx += 1) {
        const hit = shape((x + (sx + 0.5) / samples) / size, (y + (sy + 0.5) / samples) / size);
        if (hit === null) continue;
        const colour: Rgb = hit === 'mark' ? [255, 255, 255] : disc;
        r += colour[0];
        g += colour[1];
        b += colour[2];
        a += 1;
      }
    }
    if (a === 0) return [0, 0, 0, 0];
    return [Math.round(r / a), Math.round(g / a), Math.round(b / a), Math.round((255 * a) / samples ** 2)];
  });
}

const BLUE: Rgb = [31, 111, 235];
const AMBER: Rgb = [217, 119, 6];
mkdirSync('resources/icons', { recursive: true });
mkdirSync('build', { recursive: true });
const files = {
  'resources/icons/app.png': render(512, fineShape, BLUE),
  'resources/icons/tray-fine.png': render(16, fineShape, BLUE),
  'resources/icons/tray-fine@2x.png': render(32, fineShape, BLUE),
  'resources/icons/tray-attention.png': render(16, attentionShape, AMBER),
  'resources/icons/tray-attention@2x.png': render(32, attentionShape, AMBER),
  'build/icon.png': render(1024, fineShape, BLUE),
};
for (const [path, data] of Object.entries(files)) writeFileSync(path, data);
console.log(`Wrote ${Object.keys(files).join(', ')}.`);
