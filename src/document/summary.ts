// The parsed model as plain JSON and as readable text: what `npm run inspect` prints.
import { plainTextOf } from './formats/index.js';
import { plural } from './text.js';
import type { Document } from './types.js';

export function documentSummary(document: Document) {
  const sectionTitle = new Map(document.sections.map((s) => [s.id, s.title]));
  return {
    title: document.title,
    date: document.date,
    source: document.source,
    file: document.file,
    epigraph: document.epigraph && {
      text: document.epigraph.text,
      attribution: document.epigraph.attribution,
      span: document.epigraph.span,
    },
    sections: document.sections.map((section) => ({
      id: section.id,
      heading: section.heading,
      title: section.title,
      line: section.line,
      lead: section.lead?.text ?? null,
      points: section.points.map((p) => ({ text: p.text, span: p.span, line: p.line, group: p.group, depth: p.depth })),
    })),
    figures: document.figures.map((f) => ({
      text: f.text,
      value: f.value,
      valueMax: f.valueMax,
      unit: f.unit,
      qualifier: f.qualifier,
      counts: f.counts,
      timeframe: f.timeframe,
      section: sectionTitle.get(f.sectionId) ?? f.sectionId,
      span: f.span,
    })),
    warnings: document.warnings,
  };
}

export function documentReport(document: Document): string {
  const out: string[] = [];
  out.push(`${document.title}  (${document.file})`);
  if (document.date) out.push(`date: ${document.date}`);
  if (document.source) out.push(`source: ${document.source}`);
  if (document.epigraph)
    out.push(
      `epigraph: "${plainTextOf(document, document.epigraph.text)}" -- ${document.epigraph.attribution ?? 'unattributed'}`,
    );
  out.push(
    [
      plural(document.sections.length, 'section'),
      plural(
        document.sections.reduce((n, s) => n + s.points.length, 0),
        'statement',
      ),
      plural(document.figures.length, 'figure'),
    ].join(', '),
  );
  for (const section of document.sections) {
    out.push('', `§${section.number} ${section.title}  [${section.id}, line ${section.line}]`);
    if (section.lead) out.push(`  lead: ${plainTextOf(document, section.lead.text)}`);
    let group = 0;
    for (const point of section.points) {
      if (point.group !== group) out.push('');
      group = point.group;
      out.push(`  ${'  '.repeat(point.depth)}- ${plainTextOf(document, point.text)}  [line ${point.line}]`);
    }
  }
  out.push('', 'Figures:');
  for (const f of document.figures) {
    const details = [
      f.value === null ? 'vague' : `value ${f.value}${f.valueMax === null ? '' : `–${f.valueMax}`}`,
      f.unit && `unit ${f.unit}`,
      f.qualifier && `qualifier "${f.qualifier}"`,
      f.counts && `counts "${f.counts}"`,
      f.timeframe && `when "${f.timeframe}"`,
    ].filter(Boolean);
    out.push(`  ${plainTextOf(document, f.text)}  [${f.span[0]}-${f.span[1]}, ${f.sectionId}]  ${details.join(', ')}`);
  }
  if (document.figures.length === 0) out.push('  (none)');
  out.push('', 'Warnings:');
  for (const w of document.warnings) out.push(`  ${document.file}:${w.line}: ${w.message}`);
  if (document.warnings.length === 0) out.push('  (none)');
  return out.join('\n');
}
