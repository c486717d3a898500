// Draws the PWA's PNG icons (192, 512, maskable) with no image dependency: a white smile on green.
import { deflateSync } from 'node:zlib';
import { writeFileSync, mkdirSync } from 'node:fs';

function crc32(buf) {
  let c, crc = 0xffffffff;
  for (const b of buf) { c = (crc ^ b) & 0xff; for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1; crc = (crc >>> 8) ^ c; }
  return (crc ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const len = Buffer.alloc(4); len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type), data]);
  const crc = Buffer.alloc(4); crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
}
function png(size, pixel) {
  const raw = Buffer.alloc((size * 4 + 1) * size);
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0;
    for (let x = 0; x < size; x++) raw.set(pixel(x / size, y / size), y * (size * 4 + 1) + 1 + x * 4);
  }
  const ihdr = Buffer.alloc(13); ihdr.writeUInt32BE(size, 0); ihdr.writeUInt32BE(size, 4); ihdr[8] = 8; ihdr[9] = 6;
  return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}
const GREEN = [11, 110, 79, 255], WHITE = [255, 255, 255, 255], CLEAR = [0, 0, 0, 0];
function face(scale, rounded) {
  return (u, v) => {
    const x = (u - 0.5) / scale, y = (v - 0.5) / scale;
    if (rounded) { const r = 0.2, ax = Math.max(Math.abs(u - 0.5) - (0.5 - r), 0), ay = Math.max(Math.abs(v - 0.5) - (0.5 - r), 0); if (Math.hypot(ax, ay) > r) return CLEAR; }
    const d = Math.hypot(x, y);
    if (Math.abs(d - 0.32) < 0.035) return WHITE;
    if (Math.hypot(x + 0.11, y + 0.08) < 0.05 || Math.hypot(x - 0.11, y + 0.08) < 0.05) return WHITE;
    if (y > 0.02 && Math.abs(Math.hypot(x, y + 0.02) - 0.17) < 0.035) return WHITE;
    return GREEN;
  };
}
mkdirSync('public/icons', { recursive: true });
writeFileSync('public/icons/icon-192.png', png(192, face(1, true)));
writeFileSync('public/icons/icon-512.png', png(512, face(1, true)));
writeFileSync('public/icons/maskable-512.png', png(512, face(0.75, false)));
