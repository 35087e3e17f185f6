import type { Root } from 'hast';
import type { Page, ReportDocument, Revision } from '../document/types.js';
import { InputError } from '../util/errors.js';
import { MARK_CLOSE, MARK_OPEN, readHtmlTree } from './html.js';

/**
 * Reads a Word document (.docx). mammoth turns it into HTML with Word's heading styles as
 * h1–h6, lists and tables, which then goes through the HTML reader. Lines are Word's
 * paragraphs (a table row counts as one line), numbered from 1 in document order: before
 * mammoth reads the file, the end of each paragraph is marked with its line number, so every
 * block knows its paragraphs exactly. The same pass reads what mammoth drops: tracked changes
 * (insertions, deletions, moves, formatting), comments, and page breaks (Word's last rendering,
 * or explicit breaks), for pages.
 */

interface Scan {
  xml: string;
  /** Text of each line (paragraph or table row), index n-1. */
  lines: string[];
  /** Physical page of each line, where the document records page breaks. */
  pages: (number | undefined)[];
  pageCount: number;
  /** First printed page number, when a section sets one. */
  startNumber?: number;
  revisions: Revision[];
  commentAnchors: Map<string, { line: number; column: number }>;
}

const STYLE_MAP = [
  "p[style-name='Title'] => h1:fresh",
  "p[style-name='Subtitle'] => h2:fresh",
  "p[style-name='TOC Heading'] => h2:fresh",
];

export async function readDocx(path: string, bytes: Uint8Array): Promise<ReportDocument> {
  const [{ default: JSZip }, mammoth, { unified }, { default: rehypeParse }] = await Promise.all([
    import('jszip'), import('mammoth'), import('unified'), import('rehype-parse'),
  ]);
  let zip: InstanceType<typeof JSZip>;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch {
    const ole = bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0;
    throw new InputError(path, ole
      ? 'not a .docx package: a password-protected Word file or an old .doc; save an unprotected copy as .docx'
      : 'not a valid .docx file: the file is corrupt or not a Word document');
  }
  const main = zip.file('word/document.xml');
  if (!main) throw new InputError(path, 'not a Word document: the package has no word/document.xml');
  const scan = scanDocument(await main.async('string'));
  const comments = await readComments(zip);
  for (const [id, at] of scan.commentAnchors) {
    const c = comments.get(id);
    scan.revisions.push({ kind: 'comment', text: c?.text ?? '', ...(c?.author ? { author: c.author } : {}), ...(c?.date ? { date: c.date } : {}), ...at, ...(scan.pages[at.line - 1] ? { page: scan.pages[at.line - 1] } : {}) });
  }
  scan.revisions.sort((a, b) => a.line - b.line || a.column - b.column);
  zip.file('word/document.xml', scan.xml);
  const marked = await zip.generateAsync({ type: 'nodebuffer', compression: 'STORE' });
  let html: string;
  try {
    html = (await mammoth.convertToHtml({ buffer: marked }, { styleMap: STYLE_MAP, includeDefaultStyleMap: true })).value;
  } catch (err) {
    throw new InputError(path, `cannot read the Word document (${(err as Error)?.message ?? err})`);
  }
  const tree = unified().use(rehypeParse, { fragment: true }).parse(html) as Root;
  const doc = readHtmlTree(path, tree, { source: 'docx', lines: scan.lines, paragraphs: { pages: scan.pages }, revisions: scan.revisions });
  if (doc.blocks.length === 0) throw new InputError(path, 'the Word document has no text');
  return { ...doc, pages: pagesOf(scan) };
}

function pagesOf(scan: Scan): Page[] {
  if (scan.pageCount < 2) return [];
  const pages: Page[] = [];
  for (let p = 1; p <= scan.pageCount; p++) {
    const first = scan.pages.findIndex((x) => x !== undefined && x >= p);
    pages.push({ index: p, startLine: first < 0 ? scan.lines.length + 1 : first + 1, label: String(p - 1 + (scan.startNumber ?? 1)) });
  }
  return pages;
}

const TOKEN = /<(\/?)([A-Za-z][\w.-]*:?[\w.-]*)((?:[^>"']|"[^"]*"|'[^']*')*?)(\/?)>|([^<]+)/g;

function attr(attrs: string, name: string): string | undefined {
  const m = new RegExp(`${name.replace(':', '\\:')}="([^"]*)"`).exec(attrs);
  return m ? decodeEntities(m[1]) : undefined;
}

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (_, e: string) => {
    if (e[0] === '#') return String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : Number(e.slice(1)));
    return ({ amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" } as Record<string, string>)[e.toLowerCase()];
  });
}

/** Walks document.xml once: numbers lines, marks paragraph ends, reads revisions and page breaks. */
export function scanDocument(xml: string): Scan {
  const out: string[] = [];
  const lines: string[] = [];
  const pages: (number | undefined)[] = [];
  const revisions: Revision[] = [];
  const commentAnchors = new Map<string, { line: number; column: number }>();
  const rendered = xml.includes('lastRenderedPageBreak');
  let page = 1;
  let sawBreak = false;
  let startNumber: number | undefined;
  const paragraphStack: number[] = [];
  let tableDepth = 0;
  let rowLine = 0;
  let inText: 'visible' | 'deleted' | undefined;
  let hiddenDepth = 0;
  /** Open change elements; `record` is false for the source side of a move (its text shows at the destination). */
  const open: { rev: Revision; record: boolean }[] = [];
  let inTabStops = false;
  const formatted = new Set<number>();
  let pendingSectionBreak = false;

  const current = () => paragraphStack[paragraphStack.length - 1] ?? 0;
  const newLine = () => {
    lines.push('');
    pages.push(page);
    return lines.length;
  };
  const breakPage = () => {
    page++;
    sawBreak = true;
    const line = current();
    // A break before any text of the line moves the whole line to the new page.
    if (line > 0 && lines[line - 1].trim() === '') pages[line - 1] = page;
  };
  const at = () => ({ line: current() || 1, column: (lines[current() - 1]?.length ?? 0) + 1 });

  for (const m of xml.matchAll(TOKEN)) {
    const [token, closing, name, attrs, selfClosing, text] = m;
    if (text !== undefined) {
      out.push(text);
      if (inText && current() > 0) {
        const value = decodeEntities(text);
        if (inText === 'visible' && hiddenDepth === 0) lines[current() - 1] += value;
        const rev = open[open.length - 1]?.rev;
        if (rev) rev.text += value;
      }
      continue;
    }
    if (name === 'w:p' && !closing) {
      if (selfClosing) {
        out.push(token);
        if (tableDepth === 0) newLine();
        continue;
      }
      if (pendingSectionBreak && !rendered) {
        page++;
        sawBreak = true;
        pendingSectionBreak = false;
      }
      paragraphStack.push(tableDepth > 0 && rowLine > 0 ? rowLine : newLine());
      out.push(token);
      continue;
    }
    if (name === 'w:p' && closing) {
      const line = current();
      out.push(`<w:r><w:t>${MARK_OPEN}${line}${MARK_CLOSE}</w:t></w:r>`, token);
      paragraphStack.pop();
      continue;
    }
    out.push(token);
    switch (name) {
      case 'w:tbl':
        tableDepth += closing ? -1 : selfClosing ? 0 : 1;
        break;
      case 'w:tr':
        if (!closing && !selfClosing && tableDepth === 1) rowLine = newLine();
        if (closing && tableDepth === 1) {
          lines[rowLine - 1] = lines[rowLine - 1].replace(/\s*\|\s*$/, '');
          rowLine = 0;
        }
        break;
      case 'w:tc':
        if (closing && tableDepth === 1 && rowLine > 0) lines[rowLine - 1] = lines[rowLine - 1].replace(/\s+$/, '') + ' | ';
        break;
      case 'w:t':
        inText = closing || selfClosing ? undefined : 'visible';
        break;
      case 'w:delText':
        inText = closing || selfClosing ? undefined : 'deleted';
        break;
      case 'w:tabs':
        inTabStops = !closing && !selfClosing;
        break;
      case 'w:tab':
        if (!closing && !inTabStops && current() > 0 && hiddenDepth === 0) lines[current() - 1] += ' ';
        break;
      case 'w:ins':
      case 'w:del':
      case 'w:moveTo':
      case 'w:moveFrom': {
        // Self-closing marks inside run or paragraph properties accompany the run-level change.
        if (selfClosing) break;
        if (closing) {
          const top = open.pop();
          if (top?.record && top.rev.text.trim() !== '') revisions.push(top.rev);
          if (name === 'w:del' || name === 'w:moveFrom') hiddenDepth = Math.max(0, hiddenDepth - 1);
          break;
        }
        const kind: Revision['kind'] = name === 'w:ins' ? 'insertion' : name === 'w:del' ? 'deletion' : 'move';
        const author = attr(attrs, 'w:author');
        const date = attr(attrs, 'w:date');
        if (name === 'w:del' || name === 'w:moveFrom') hiddenDepth++;
        open.push({ rev: { kind, text: '', ...(author ? { author } : {}), ...(date ? { date } : {}), ...at() }, record: name !== 'w:moveFrom' });
        break;
      }
      case 'w:rPrChange':
      case 'w:pPrChange': {
        if (closing) break;
        const line = current();
        if (line > 0 && !formatted.has(line)) {
          formatted.add(line);
          const author = attr(attrs, 'w:author');
          const date = attr(attrs, 'w:date');
          revisions.push({ kind: 'formatting', text: '', ...(author ? { author } : {}), ...(date ? { date } : {}), line, column: 1 });
        }
        break;
      }
      case 'w:commentRangeStart':
      case 'w:commentReference': {
        const id = attr(attrs, 'w:id');
        if (id !== undefined && !commentAnchors.has(id)) commentAnchors.set(id, at());
        break;
      }
      case 'w:lastRenderedPageBreak':
        if (rendered) breakPage();
        break;
      case 'w:br':
        if (!rendered && attr(attrs, 'w:type') === 'page') breakPage();
        else if (!closing && current() > 0 && hiddenDepth === 0 && attr(attrs, 'w:type') !== 'page') lines[current() - 1] += ' ';
        break;
      case 'w:pageBreakBefore':
        if (!rendered && attr(attrs, 'w:val') !== '0' && attr(attrs, 'w:val') !== 'false' && lines.length > 1) breakPage();
        break;
      case 'w:sectPr':
        // A section break inside a paragraph's properties starts a new page after it (unless continuous).
        if (!closing && paragraphStack.length > 0 && !rendered) pendingSectionBreak = true;
        break;
      case 'w:type':
        if (pendingSectionBreak && attr(attrs, 'w:val') === 'continuous') pendingSectionBreak = false;
        break;
      case 'w:pgNumType': {
        const start = attr(attrs, 'w:start');
        if (start !== undefined && startNumber === undefined) startNumber = Number(start);
        break;
      }
    }
  }
  const finalPages = sawBreak ? pages : pages.map(() => undefined);
  return {
    xml: out.join(''),
    lines: lines.map((l) => l.replace(/\s+/g, ' ').trim()),
    pages: finalPages,
    pageCount: sawBreak ? page : 1,
    startNumber,
    revisions: revisions.map((r) => ({ ...r, text: r.text.replace(/\s+/g, ' ').trim(), ...(finalPages[r.line - 1] ? { page: finalPages[r.line - 1] } : {}) })),
    commentAnchors,
  };
}

async function readComments(zip: import('jszip')): Promise<Map<string, { author?: string; date?: string; text: string }>> {
  const out = new Map<string, { author?: string; date?: string; text: string }>();
  const file = zip.file('word/comments.xml');
  if (!file) return out;
  const xml = await file.async('string');
  for (const m of xml.matchAll(/<w:comment\b([^>]*)>([\s\S]*?)<\/w:comment>/g)) {
    const id = attr(m[1], 'w:id');
    if (id === undefined) continue;
    const text = [...m[2].matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((t) => decodeEntities(t[1])).join('');
    const author = attr(m[1], 'w:author');
    const date = attr(m[1], 'w:date');
    out.set(id, { text: text.replace(/\s+/g, ' ').trim(), ...(author ? { author } : {}), ...(date ? { date } : {}) });
  }
  return out;
}
