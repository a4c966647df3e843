// The charts a reply names drawn into its files, once the command has run and before the reply is sent. The
// renderer (vega, vega-lite and resvg: about 18 MB of RSS, issue 21's memory per replica) is imported by the
// first chart drawn, not at start: a replica nobody asks for a /trend never loads it.
import type { Reply } from '../command.js';

type Renderer = typeof import('./render.js');
let renderer: Promise<Renderer> | null = null;

/** The chart renderer, imported once, on first use. */
function chartRenderer(): Promise<Renderer> {
  renderer ??= import('./render.js');
  return renderer;
}

/** The response with each chart of its files drawn as a PNG; a response with none is returned as it is. */
export async function withChartsDrawn<T>(response: T): Promise<T> {
  const data = (response as { data?: Reply } | null)?.data;
  if (!data?.files?.some((file) => file.chart)) return response;
  const { renderChart } = await chartRenderer();
  const files = data.files.map(({ chart, ...file }) => (chart ? { ...file, data: renderChart(chart).png } : file));
  return { ...response, data: { ...data, files } };
}
