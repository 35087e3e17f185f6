// Inputs of the bench: the shared report as Markdown, reports built from the test fixtures,
// a directory of many reports and one very large text report.
import { mkdirSync, readdirSync, readFileSync, writeFileSync, copyFileSync } from 'node:fs';
import { join } from 'node:path';

/** Renders a read document back to Markdown: headings by level, paragraphs, lists, GFM tables. */
export function toMarkdown(doc) {
  const out = [];
  const cell = (s) => s.replace(/\|/g, '\\|').replace(/\s+/g, ' ').trim();
  for (const block of doc.blocks) {
    if (block.kind === 'heading') {
      const level = Math.min(6, Math.max(1, doc.sections[block.section]?.level ?? 2));
      out.push(`${'#'.repeat(level)} ${block.text.replace(/\s+/g, ' ').trim()}`);
    } else if (block.kind === 'table' && block.rows?.length) {
      const width = Math.max(...block.rows.map((r) => r.cells.length));
      const row = (cells) => `| ${Array.from({ length: width }, (_, i) => cell(cells[i] ?? '')).join(' | ')} |`;
      out.push(row(block.rows[0].cells), `|${' --- |'.repeat(width)}`, ...block.rows.slice(1).map((r) => row(r.cells)));
    } else if (block.kind === 'list' && block.items?.length) {
      out.push(block.items.map((i) => `- ${i.replace(/\s+/g, ' ').trim()}`).join('\n'));
    } else {
      // Characters that would start Markdown syntax at the head of a line are escaped.
      out.push(block.text.replace(/\n+/g, ' ').trim().replace(/^([#>*+\-|]|\d+\.)/, '\\$1'));
    }
  }
  return `${out.filter((s) => s !== '').join('\n\n')}\n`;
}

/** Every Markdown fixture of the test suite (English, Traditional and Simplified Chinese), sorted. */
export function fixtureReports(root) {
  const dir = join(root, 'test', 'fixtures');
  const found = [];
  const walk = (d) => {
    for (const name of readdirSync(d, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const full = join(d, name.name);
      // The blind reports are whole reports of 100 KB; the bench's mixes stay made of the small fixtures.
      if (name.isDirectory()) { if (name.name !== 'blind') walk(full); }
      else if (name.name.endsWith('.md')) found.push(full);
    }
  };
  walk(dir);
  return found;
}

/** A report of at least `bytes` bytes: the fixtures one after another, cycling. */
export function synthetic(fixtures, bytes) {
  const parts = [];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    const text = readFileSync(fixtures[i % fixtures.length], 'utf8');
    parts.push(text.trim());
    size += Buffer.byteLength(text);
  }
  return `${parts.join('\n\n')}\n`;
}

/** A directory of `count` reports copied from the fixtures (Markdown and text), from the `first`th on. */
export function reportsDir(dir, fixtures, count, first = 0) {
  mkdirSync(dir, { recursive: true });
  for (let i = first; i < first + count; i++) {
    const from = fixtures[i % fixtures.length];
    copyFileSync(from, join(dir, `r${String(i).padStart(4, '0')}${from.slice(from.lastIndexOf('.'))}`));
  }
  return dir;
}

/**
 * A text report of at least `bytes` bytes: the shared report repeated, each copy's lines made
 * its own with an invisible tag (zero-width characters spelling the copy's number) — lines
 * repeated on every page would be read as running headers and dropped.
 */
export function largeText(file, text, bytes) {
  const tag = (k) => k.toString(2).padStart(8, '0').replace(/0/g, '\u200b').replace(/1/g, '\u200c');
  const copy = (k) => text.split('\n').map((line) => (line.trim() === '' ? line : tag(k) + line)).join('\n');
  const parts = [];
  for (let k = 0, size = 0; size < bytes; k++) {
    parts.push(copy(k));
    size += Buffer.byteLength(parts[k]) + 2;
  }
  writeFileSync(file, parts.join('\n\f'));
  return file;
}
