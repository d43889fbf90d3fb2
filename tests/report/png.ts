/** Checks that a chart PNG is a drawing: white corner, many colours, and its size. */
import { readFileSync } from 'node:fs';
import { PNG } from 'pngjs';

export function pngFacts(file: string): { width: number; height: number; corner: number[]; colours: number } {
  const png = PNG.sync.read(readFileSync(file));
  const colours = new Set<number>();
  for (let i = 0; i < png.data.length; i += 4 * 7) colours.add(png.data.readUInt32BE(i));
  return { width: png.width, height: png.height, corner: [...png.data.subarray(0, 4)], colours: colours.size };
}
