import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { UsageError } from '../util/errors.js';
import { rememberFolds, type FoldTable } from '../util/normalize.js';
import { loadDataFile, parseDataFile, validateData } from '../util/schema.js';
import { packageRoot } from '../util/paths.js';
import { compileHygiene } from './hygiene.js';
import type { GriCatalog } from './gri-catalog.js';
import type { CommonVocabulary, ItemSpec, MetricLexicon, RulePack, RuleSet } from './types.js';

export const defaultRulesDir = join(packageRoot, 'rules');

function yamlFilesUnder(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) out.push(...yamlFilesUnder(full));
    else if (/\.ya?ml$/.test(name)) out.push(full);
  }
  return out;
}

function display(file: string): string {
  const rel = relative(process.cwd(), file);
  return rel.startsWith('..') ? file : rel;
}

/** Replaces '@name' terms by the shared term set, naming the place of an unknown one. */
function expandTerms(terms: string[], common: CommonVocabulary, file: string, pointer: string): string[] {
  const out: string[] = [];
  for (const term of terms) {
    if (term.startsWith('@')) {
      const set = common.termSets[term.slice(1)];
      if (!set) throw new UsageError(`${file}: invalid rule pack: ${pointer}: unknown term set "${term}"`);
      out.push(...set);
    } else out.push(term);
  }
  return out;
}

function expandItem(item: ItemSpec, index: number, common: CommonVocabulary, file: string): ItemSpec {
  const base = `/items/${index}/evidence`;
  const ev = item.evidence;
  return {
    ...item,
    evidence: {
      ...ev,
      sections: ev.sections && expandTerms(ev.sections, common, file, `${base}/sections`),
      topic: ev.topic && expandTerms(ev.topic, common, file, `${base}/topic`),
      elements: ev.elements.map((el, e) => ({
        ...el,
        all: el.all.map((group, g) => expandTerms(typeof group === 'string' ? [group] : group, common, file, `${base}/elements/${e}/all/${g}`)),
        none: el.none && expandTerms(el.none, common, file, `${base}/elements/${e}/none`),
      })),
    },
  };
}

function checkUnique(pack: RulePack, file: string): void {
  const seen = new Map<string, number>();
  pack.items.forEach((item, i) => {
    const prior = seen.get(item.id);
    if (prior !== undefined) {
      throw new UsageError(`${file}: invalid rule pack: /items/${i}/id: duplicate item id "${item.id}" (first at /items/${prior})`);
    }
    seen.set(item.id, i);
    const elementIds = new Set<string>();
    item.evidence.elements.forEach((el, e) => {
      if (elementIds.has(el.id)) {
        throw new UsageError(`${file}: invalid rule pack: /items/${i}/evidence/elements/${e}/id: duplicate element id "${el.id}"`);
      }
      elementIds.add(el.id);
    });
  });
}

/** Dependencies must name items and elements the pack has (or inherits, checked after). */
function checkDependencies(pack: RulePack, file: string): void {
  if (pack.basedOn) return;
  pack.dependencies?.forEach((d, i) => {
    [...d.when.map((w, j): [string, typeof w] => [`/dependencies/${i}/when/${j}`, w]), [`/dependencies/${i}/then`, d.then] as [string, typeof d.then]].forEach(([pointer, ref]) => {
      const item = pack.items.find((it) => it.id === ref.item);
      if (!item) throw new UsageError(`${file}: invalid rule pack: ${pointer}/item: unknown item "${ref.item}"`);
      if (ref.element && !item.evidence.elements.some((e) => e.id === ref.element)) {
        throw new UsageError(`${file}: invalid rule pack: ${pointer}/element: item ${ref.item} has no element "${ref.element}"`);
      }
    });
  });
}

function checkRelations(lexicon: MetricLexicon, file: string): void {
  const ids = new Set(lexicon.metrics.map((m) => m.id));
  lexicon.relations?.forEach((r, i) => {
    const refs: [string, string | undefined][] = [
      ['total', r.total], ['numerator', r.numerator], ['denominator', r.denominator], ['intensity', r.intensity],
      ...(r.parts ?? []).map((p, j): [string, string] => [`parts/${j}`, p]),
    ];
    for (const [key, id] of refs) {
      if (id !== undefined && !ids.has(id)) throw new UsageError(`${file}: invalid metric lexicon: /relations/${i}/${key}: unknown metric "${id}"`);
    }
  });
}

/** Completes a pack that is based on another edition with that edition's items. */
function inherit(pack: RulePack, packs: RulePack[], seen: string[] = []): RulePack {
  if (!pack.basedOn) return pack;
  if (seen.includes(pack.edition)) {
    throw new UsageError(`${pack.file}: invalid rule pack: /basedOn/edition: editions based on each other in a circle (${[...seen, pack.edition].join(' → ')})`);
  }
  const found = packs.find((p) => p.edition === pack.basedOn!.edition && p.framework === pack.framework);
  if (!found) throw new UsageError(`${pack.file}: invalid rule pack: /basedOn/edition: no loaded ${pack.framework} edition "${pack.basedOn.edition}"`);
  const base = inherit(found, packs, [...seen, pack.edition]);
  const omit = new Set(pack.basedOn.omit ?? []);
  pack.basedOn.omit?.forEach((id, i) => {
    if (!base.items.some((item) => item.id === id)) {
      throw new UsageError(`${pack.file}: invalid rule pack: /basedOn/omit/${i}: "${id}" is not an item of ${base.edition}`);
    }
  });
  const own = new Map(pack.items.map((item) => [item.id, item]));
  const items = base.items.filter((item) => !omit.has(item.id)).map((item) => own.get(item.id) ?? item);
  for (const item of pack.items) if (!base.items.some((b) => b.id === item.id)) items.push(item);
  const ownDeps = new Set((pack.dependencies ?? []).map((d) => d.id));
  const inherited = (base.dependencies ?? [])
    .filter((d) => !ownDeps.has(d.id))
    .map((d) => ({ ...d, when: d.when.filter((w) => !omit.has(w.item)) }))
    .filter((d) => d.when.length > 0 && !omit.has(d.then.item));
  return { ...pack, items, dependencies: [...inherited, ...(pack.dependencies ?? [])] };
}

const cache = new Map<string, RuleSet>();

/** Which schema validates a file of the rules directory. */
function schemaFor(dir: string, file: string): { schema: string; what: string } {
  switch (relative(dir, file).replace(/\\/g, '/')) {
    case 'common.yaml': return { schema: 'common.schema.json', what: 'shared vocabulary' };
    case 'metrics.yaml': return { schema: 'metrics.schema.json', what: 'metric lexicon' };
    case 'hygiene.yaml': return { schema: 'hygiene.schema.json', what: 'hygiene rules' };
    case 'gri/catalog.yaml': return { schema: 'gri-catalog.schema.json', what: 'GRI catalog' };
    default: return { schema: 'ruleset.schema.json', what: 'rule pack' };
  }
}

export interface ParsedRules {
  hash: string;
  /** Parsed and validated content of each file, by path relative to the rules directory. */
  data: Record<string, unknown>;
  /** Read from the build's dist/rules.compiled.json, whose patterns the build checked. */
  built?: boolean;
  /** The build's folds (util/normalize) of the terms and phrases of the rules. */
  folds?: FoldTable;
}

export const compiledRulesFile = join(packageRoot, 'dist', 'rules.compiled.json');

/**
 * Reads every YAML file of a rules directory. The built-in rules are parsed and validated
 * once at build time (dist/rules.compiled.json); they are used when the files still hash the
 * same, which saves the YAML parse (most of a run's start-up) on every run.
 */
export function parseRuleFiles(dir: string, useCompiled = true): ParsedRules {
  let files: string[];
  try {
    files = yamlFilesUnder(dir);
  } catch (err) {
    throw new UsageError(`${display(dir)}: cannot read the rules directory (${(err as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  const hash = createHash('sha256');
  const texts = new Map<string, string>();
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    texts.set(file, text);
    hash.update(relative(dir, file)).update(text);
  }
  const digest = hash.digest('hex').slice(0, 16);
  if (useCompiled && resolve(dir) === resolve(defaultRulesDir) && existsSync(compiledRulesFile)) {
    try {
      const compiled = JSON.parse(readFileSync(compiledRulesFile, 'utf8')) as ParsedRules;
      if (compiled.hash === digest) return { ...compiled, built: true };
    } catch {
      // A damaged build artefact is ignored: the YAML is parsed instead.
    }
  }
  const data: Record<string, unknown> = {};
  for (const file of files) {
    const { schema, what } = schemaFor(dir, file);
    const shown = display(file);
    const parsed = parseDataFile(shown, texts.get(file)!);
    validateData(shown, schema, parsed, what);
    data[relative(dir, file).replace(/\\/g, '/')] = parsed.data;
  }
  return { hash: digest, data };
}

/** Loads and validates every file under a rules directory. */
export function loadRules(dir: string = defaultRulesDir): RuleSet {
  const cached = cache.get(dir);
  if (cached) return cached;
  const { hash, data, built, folds } = parseRuleFiles(dir);
  if (folds) rememberFolds(folds);
  const has = (rel: string) => Object.prototype.hasOwnProperty.call(data, rel);
  if (!has('common.yaml')) throw new UsageError(`${display(dir)}: the rules directory has no common.yaml`);
  const common = data['common.yaml'] as CommonVocabulary;
  const metrics = (has('metrics.yaml') ? data['metrics.yaml'] : { metrics: [] }) as MetricLexicon;
  checkRelations(metrics, display(join(dir, 'metrics.yaml')));
  // Hygiene patterns are not framework content: a rules directory without them uses the built-in ones.
  const hygieneFile = has('hygiene.yaml') ? join(dir, 'hygiene.yaml') : join(defaultRulesDir, 'hygiene.yaml');
  const hygieneData = has('hygiene.yaml') ? data['hygiene.yaml'] : loadDataFile(display(hygieneFile), 'hygiene.schema.json', 'hygiene rules').data;
  const hygiene = compileHygiene(hygieneData, display(hygieneFile), { checked: built && has('hygiene.yaml') });
  // The GRI catalog (every standard version a report may cite) sits beside the GRI packs.
  const griCatalog = has('gri/catalog.yaml') ? (data['gri/catalog.yaml'] as GriCatalog) : undefined;
  const packs: RulePack[] = [];
  for (const [rel, raw] of Object.entries(data)) {
    if (schemaFor(dir, join(dir, rel)).schema !== 'ruleset.schema.json') continue;
    const shown = display(join(dir, rel));
    const packData = raw as Omit<RulePack, 'file'>;
    const pack: RulePack = {
      ...packData,
      file: shown,
      items: packData.items.map((item, i) => expandItem(item, i, common, shown)),
    };
    checkUnique(pack, shown);
    checkDependencies(pack, shown);
    if (packs.some((p) => p.edition === pack.edition)) {
      throw new UsageError(`${shown}: invalid rule pack: /edition: edition "${pack.edition}" is defined twice`);
    }
    packs.push(pack);
  }
  const set: RuleSet = { packs: packs.map((p) => inherit(p, packs)), common, metrics, hygiene, griCatalog, hash };
  cache.set(dir, set);
  return set;
}
