// A Vega-Lite spec drawn as a PNG in this process (imported on the first chart, by ./draw.ts): vega
// lays it out and writes SVG, resvg draws that with the font shipped in assets/fonts (DejaVu Sans, from
// Debian's fonts-dejavu-core), never a system font, never a download. docs/libraries.md ("Charts") says why
// this over drawing on a canvas.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Resvg } from '@resvg/resvg-js';
import { parse, renderModule, View } from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';
import { FONT_FAMILY } from './spec.js';

const FONT_FILE = 'assets/fonts/DejaVuSans.ttf';

// vega-lite gives every Set a toJSON when it loads, which breaks other libraries (discord.js's inspect helper
// throws at its own load) and changes what JSON.stringify writes. Taken off at once, it is put back only while
// compile runs: compile is synchronous, so no other code sees it.
const setToJson = Object.getOwnPropertyDescriptor(Set.prototype, 'toJSON');
delete (Set.prototype as { toJSON?: unknown }).toJSON;

function compileSpec(spec: Record<string, unknown>) {
  if (setToJson) Object.defineProperty(Set.prototype, 'toJSON', setToJson);
  try {
    return compile(spec as unknown as TopLevelSpec).spec;
  } finally {
    delete (Set.prototype as { toJSON?: unknown }).toJSON;
  }
}

/** The shipped font: two folders up from the sources (tsx), three from dist/src/chart (the built tree). */
export function fontFile(): string {
  for (const up of ['../../', '../../../']) {
    const path = fileURLToPath(new URL(`${up}${FONT_FILE}`, import.meta.url));
    if (existsSync(path)) return path;
  }
  throw new Error(`the chart font ${FONT_FILE} is missing`);
}

/** The parts of a vega View that its own headless rendering reads (vega-view's render-size.js). */
interface ViewInternals {
  _viewWidth: number;
  _viewHeight: number;
  _origin: [number, number];
  _scenegraph: { root: unknown };
}

interface SvgRenderer {
  initialize(el: null, width: number, height: number, origin: number[], scale: number): SvgRenderer;
  background(color: unknown): SvgRenderer;
  render(scene: unknown): SvgRenderer;
  svg(): string;
}

/**
 * The spec laid out and written as SVG. What `view.toSVG()` does, without its awaits: inline data and no
 * images make every step synchronous (tests/chart/render.test.ts checks both give the same SVG).
 */
export function chartSvg(spec: Record<string, unknown>): string {
  const view = new View(parse(compileSpec(spec)), { renderer: 'none' });
  try {
    view.run();
    const inside = view as unknown as ViewInternals;
    const pad = view.padding() as { left: number; right: number; top: number; bottom: number };
    const Renderer = (renderModule as unknown as (type: string) => { headless: new (loader: unknown) => SvgRenderer })(
      'svg',
    ).headless;
    return new Renderer(view.loader())
      .initialize(
        null,
        inside._viewWidth + pad.left + pad.right,
        inside._viewHeight + pad.top + pad.bottom,
        [pad.left + inside._origin[0], pad.top + inside._origin[1]],
        1,
      )
      .background(view.background())
      .render(inside._scenegraph.root)
      .svg();
  } finally {
    view.finalize();
  }
}

/** SVG to PNG at its own size, drawn with the shipped font only. */
export function svgToPng(svg: string): Buffer {
  const font = { fontFiles: [fontFile()], loadSystemFonts: false, defaultFontFamily: FONT_FAMILY };
  return new Resvg(svg, { font }).render().asPng();
}

export function renderChart(spec: Record<string, unknown>): { png: Buffer; svg: string } {
  const svg = chartSvg(spec);
  return { png: svgToPng(svg), svg };
}
