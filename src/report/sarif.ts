import { isAbsolute, relative, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import type * as Sarif from 'sarif';
import type { Finding, Location, Result, Severity, SuppressedFinding } from './result.js';
import { ruleDoc } from './rule-docs.js';

export interface SarifOptions {
  /** Paths inside this directory become relative URIs under %SRCROOT% (GitHub code scanning). */
  cwd?: string;
}

const LEVEL: Record<Severity, Sarif.Result.level> = { error: 'error', warning: 'warning', info: 'note' };

/** A path as a URI: relative to cwd where it lies inside it, else a file: URL. */
function artifactUri(path: string, cwd: string | undefined): { uri: string; uriBaseId?: string } {
  const abs = isAbsolute(path) ? path : cwd ? resolve(cwd, path) : undefined;
  const rel = abs && cwd ? relative(cwd, abs) : isAbsolute(path) ? undefined : path;
  if (rel !== undefined && !rel.startsWith('..') && !isAbsolute(rel)) {
    return { uri: rel.split(sep).join('/').split('/').map(encodeURIComponent).join('/'), uriBaseId: '%SRCROOT%' };
  }
  return { uri: pathToFileURL(abs ?? path).href };
}

/**
 * SARIF 2.1.0 for GitHub code scanning and other SARIF viewers: one rule per ruleId with its
 * help, one result per finding with its place in the report, related places for
 * inconsistencies, the clause in properties, and accepted findings as suppressed results.
 */
export function formatSarif(result: Result, options: SarifOptions = {}): string {
  const ruleIds: string[] = [];
  const ruleIndex = new Map<string, number>();
  const indexOfRule = (id: string): number => {
    let i = ruleIndex.get(id);
    if (i === undefined) {
      i = ruleIds.push(id) - 1;
      ruleIndex.set(id, i);
    }
    return i;
  };

  const artifacts: Sarif.Artifact[] = [];
  const results: Sarif.Result[] = [];
  const notifications: Sarif.Notification[] = [];
  result.files.forEach((file, artifactIndex) => {
    const location = { ...artifactUri(file.path, options.cwd), index: artifactIndex };
    artifacts.push({
      location: { uri: location.uri, ...(location.uriBaseId ? { uriBaseId: location.uriBaseId } : {}) },
      sourceLanguage: file.format === 'markdown' ? 'markdown' : 'plaintext',
      properties: {
        period: file.period ? { start: file.period.start, end: file.period.end, source: file.period.source } : null,
        editions: file.editions,
        ...(file.editionDetails ? { editionDetails: file.editionDetails } : {}),
      },
    });
    if (file.error) {
      notifications.push({ level: 'error', message: { text: file.error }, locations: [{ physicalLocation: { artifactLocation: location } }] });
      return;
    }
    const place = (at: Location): Sarif.PhysicalLocation => ({
      // A related place may be in another file (last year's report, with --previous).
      artifactLocation: at.path ? artifactUri(at.path, options.cwd) : location,
      region: { startLine: at.line, startColumn: at.column },
    });
    const toResult = (f: Finding, suppressed?: SuppressedFinding): Sarif.Result => ({
      ruleId: f.ruleId,
      ruleIndex: indexOfRule(f.ruleId),
      level: LEVEL[f.severity],
      message: { text: f.message },
      locations: [{ physicalLocation: place(f) }],
      ...(f.related?.length
        ? { relatedLocations: f.related.map((r, id) => ({ id, physicalLocation: place(r), message: { text: `the other place (line ${r.line}${r.page ? `, page ${r.page}` : ''})` } })) }
        : {}),
      ...(f.fingerprint ? { partialFingerprints: { 'esglint/v1': f.fingerprint } } : {}),
      ...(suppressed
        ? { suppressions: [{ kind: suppressed.kind === 'inline' ? 'inSource' : 'external', status: 'accepted', ...(suppressed.reason ? { justification: suppressed.reason } : {}) }] }
        : {}),
      properties: {
        category: f.category,
        ...(f.framework ? { framework: f.framework } : {}),
        ...(f.item ? { item: f.item } : {}),
        ...(f.page ? { page: f.page } : {}),
      },
    });
    for (const f of file.findings) results.push(toResult(f));
    for (const s of file.suppressed ?? []) results.push(toResult(s.finding, s));
  });

  const rules: Sarif.ReportingDescriptor[] = ruleIds.map((id) => {
    const doc = ruleDoc(id);
    return {
      id,
      name: id.split('/').pop()!.replace(/-([a-z0-9])/g, (_, c: string) => c.toUpperCase()).replace(/^./, (c) => c.toUpperCase()),
      shortDescription: { text: doc.summary },
      fullDescription: { text: doc.summary },
      help: { text: doc.help || doc.summary, markdown: doc.help || doc.summary },
      properties: { category: id.split('/')[0], tags: ['esg', id.split('/')[0]] },
    };
  });

  const log: Sarif.Log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [{
      tool: { driver: { name: 'esglint', version: result.tool.version, semanticVersion: result.tool.version, rules } },
      ...(options.cwd ? { originalUriBaseIds: { '%SRCROOT%': { uri: pathToFileURL(options.cwd).href.replace(/\/?$/, '/') } } } : {}),
      artifacts,
      invocations: [{ executionSuccessful: notifications.length === 0, toolExecutionNotifications: notifications }],
      results,
      properties: { summary: result.summary, ...(result.tool.rulesHash ? { rulesHash: result.tool.rulesHash } : {}) },
    }],
  };
  return JSON.stringify(log, null, 2) + '\n';
}
