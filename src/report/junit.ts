import type { FileResult, Finding, Result, ResultItem, Severity } from './result.js';
import { ruleDoc } from './rule-docs.js';

export interface JunitOptions {
  /** Findings at or above this level are failures (default: error). */
  failLevel?: Severity;
}

const RANK: Record<Severity, number> = { info: 0, warning: 1, error: 2 };

/** Text for XML: the five entities escaped, characters XML 1.0 forbids dropped. */
function xml(text: string): string {
  return text
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '')
    .replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

function where(path: string, f: { line: number; column: number; page?: number }): string {
  return `${path}:${f.line}:${f.column}${f.page ? ` (page ${f.page})` : ''}`;
}

interface Case {
  classname: string;
  name: string;
  failure?: { message: string; type: string; body: string };
  out?: string;
}

function renderSuite(name: string, cases: Case[], properties: [string, string][]): string {
  const failures = cases.filter((c) => c.failure).length;
  const lines = [`  <testsuite name="${xml(name)}" tests="${cases.length}" failures="${failures}" errors="0" skipped="0">`];
  if (properties.length) {
    lines.push('    <properties>');
    for (const [k, v] of properties) lines.push(`      <property name="${xml(k)}" value="${xml(v)}"/>`);
    lines.push('    </properties>');
  }
  for (const c of cases) {
    const open = `    <testcase classname="${xml(c.classname)}" name="${xml(c.name)}" time="0"`;
    if (!c.failure && !c.out) {
      lines.push(`${open}/>`);
      continue;
    }
    lines.push(`${open}>`);
    if (c.failure) lines.push(`      <failure message="${xml(c.failure.message)}" type="${xml(c.failure.type)}">${xml(c.failure.body)}</failure>`);
    if (c.out) lines.push(`      <system-out>${xml(c.out)}</system-out>`);
    lines.push('    </testcase>');
  }
  lines.push('  </testsuite>');
  return lines.join('\n');
}

function itemCase(file: FileResult, item: ResultItem, failing: Finding[]): Case {
  const evidence = item.evidence.map((e) => `${where(file.path, e)} [${e.section}] ${e.text}`).join('\n');
  const out = `status: ${item.status}; obligation: ${item.obligation}${evidence ? `\nevidence:\n${evidence}` : ''}`;
  const name = `${item.id}${item.title ? ` ${item.title}` : ''}`;
  const classname = `${file.path}.${item.edition ?? item.framework}`;
  if (failing.length === 0) return { classname, name, out };
  return {
    classname,
    name,
    failure: {
      message: failing[0].message,
      type: failing[0].ruleId,
      body: failing.map((f) => `${f.severity} ${f.ruleId} at ${where(file.path, f)}: ${f.message}`).join('\n'),
    },
    out,
  };
}

function findingCase(file: FileResult, f: Finding, failLevel: Severity): Case {
  const classname = `${file.path}.findings`;
  const name = `${f.item ? `${f.item} ` : ''}${f.ruleId} at ${f.line}:${f.column}`;
  const body = `${where(file.path, f)}: ${f.message}${f.related?.length ? `\nalso at: ${f.related.map((r) => where(r.path ?? file.path, r)).join(', ')}` : ''}\n${ruleDoc(f.ruleId).help}`;
  if (RANK[f.severity] >= RANK[failLevel]) return { classname, name, failure: { message: f.message, type: f.severity, body } };
  return { classname, name, out: `${f.severity}: ${body}` };
}

/**
 * JUnit XML for CI dashboards. Per report two suites: one test case per item (failing when a
 * finding at or above the fail level names it) and one per finding (failing at or above the
 * fail level; lower ones pass with their message in system-out).
 */
export function formatJunit(result: Result, options: JunitOptions = {}): string {
  const failLevel = options.failLevel ?? 'error';
  const suites: string[] = [];
  for (const file of result.files) {
    if (file.error) {
      suites.push(renderSuite(file.path, [{ classname: file.path, name: 'read the report', failure: { message: file.error, type: 'input-error', body: file.error } }], []));
      continue;
    }
    const properties: [string, string][] = [
      ['period', file.period ? `${file.period.start}..${file.period.end}` : 'not found'],
      ['editions', file.editions.join(', ')],
    ];
    const failingByItem = new Map<string, Finding[]>();
    for (const f of file.findings) {
      if (!f.item || RANK[f.severity] < RANK[failLevel]) continue;
      const key = `${f.framework ?? '*'}:${f.item}`;
      failingByItem.set(key, [...(failingByItem.get(key) ?? []), f]);
    }
    const itemCases = file.items.map((item) =>
      itemCase(file, item, [...(failingByItem.get(`${item.framework}:${item.id}`) ?? []), ...(failingByItem.get(`*:${item.id}`) ?? [])]));
    suites.push(renderSuite(`${file.path} clauses`, itemCases, properties));
    suites.push(renderSuite(`${file.path} findings`, file.findings.map((f) => findingCase(file, f, failLevel)), properties));
  }
  const cases = suites.join('\n');
  const tests = (cases.match(/<testcase /g) ?? []).length;
  const failures = (cases.match(/<failure /g) ?? []).length;
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="esglint" tests="${tests}" failures="${failures}" errors="0">\n${cases}${cases ? '\n' : ''}</testsuites>\n`;
}
