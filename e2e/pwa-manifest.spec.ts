// The app installs as a Vietnamese PWA: manifest in Vietnamese, PNG icons of 192 and 512 px, one maskable.
import { expect, test } from '@playwright/test';

interface Icon {
  src: string;
  sizes: string;
  type: string;
  purpose?: string;
}

/** Width and height from a PNG's IHDR chunk. */
function pngSize(bytes: Buffer): { width: number; height: number } {
  expect(bytes.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

test('the manifest is Vietnamese, linked from the page, with PNG icons 192, 512 and a maskable 512', async ({ page, request }) => {
  await page.goto('/');
  const href = await page.locator('link[rel="manifest"]').getAttribute('href');
  expect(href).toBeTruthy();
  const manifest = (await (await request.get(new URL(href!, page.url()).pathname)).json()) as {
    lang: string;
    name: string;
    short_name: string;
    description: string;
    start_url: string;
    display: string;
    icons: Icon[];
  };
  expect(manifest.lang).toBe('vi');
  expect(manifest.name).toContain('khảo sát mức độ hài lòng');
  expect(manifest.short_name).toBe('Hài Lòng');
  expect(manifest.description).toMatch(/Bộ phận Một cửa/);
  expect(manifest.start_url).toBe('/');
  expect(manifest.display).toBe('standalone');

  const wanted = [
    { size: 192, purpose: 'any' },
    { size: 512, purpose: 'any' },
    { size: 512, purpose: 'maskable' },
  ];
  for (const w of wanted) {
    const icon = manifest.icons.find((i) => i.sizes === `${w.size}x${w.size}` && (i.purpose ?? 'any').split(' ').includes(w.purpose));
    expect(icon, `${w.purpose} icon ${w.size}`).toBeTruthy();
    expect(icon!.type).toBe('image/png');
    const res = await request.get(icon!.src);
    expect(res.headers()['content-type']).toContain('image/png');
    expect(pngSize(await res.body())).toEqual({ width: w.size, height: w.size });
  }
});
