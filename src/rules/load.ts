import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { UsageError } from '../util/errors.js';
import { loadDataFile } from '../util/schema.js';
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

/** Loads and validates every file under a rules directory. */
export function loadRules(dir: string = defaultRulesDir): RuleSet {
  const cached = cache.get(dir);
  if (cached) return cached;
  let files: string[];
  try {
    files = yamlFilesUnder(dir);
  } catch (err) {
    throw new UsageError(`${display(dir)}: cannot read the rules directory (${(err as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  const hash = createHash('sha256');
  const commonFile = join(dir, 'common.yaml');
  const metricsFile = join(dir, 'metrics.yaml');
  if (!files.includes(commonFile)) throw new UsageError(`${display(dir)}: the rules directory has no common.yaml`);
  const common = loadDataFile(display(commonFile), 'common.schema.json', 'shared vocabulary').data as CommonVocabulary;
  const metrics = files.includes(metricsFile)
    ? (loadDataFile(display(metricsFile), 'metrics.schema.json', 'metric lexicon').data as MetricLexicon)
    : { metrics: [] };
  checkRelations(metrics, display(metricsFile));
  // Hygiene patterns are not framework content: a rules directory without them uses the built-in ones.
  const hygieneFile = files.includes(join(dir, 'hygiene.yaml')) ? join(dir, 'hygiene.yaml') : join(defaultRulesDir, 'hygiene.yaml');
  const hygiene = compileHygiene(loadDataFile(display(hygieneFile), 'hygiene.schema.json', 'hygiene rules').data, display(hygieneFile));
  // The GRI catalog (every standard version a report may cite) sits beside the GRI packs.
  const catalogFile = join(dir, 'gri', 'catalog.yaml');
  const griCatalog = files.includes(catalogFile)
    ? (loadDataFile(display(catalogFile), 'gri-catalog.schema.json', 'GRI catalog').data as GriCatalog)
    : undefined;
  const packs: RulePack[] = [];
  for (const file of files) {
    hash.update(relative(dir, file)).update(readFileSync(file));
    if (file === commonFile || file === metricsFile || file === hygieneFile || file === catalogFile) continue;
    const shown = display(file);
    const raw = loadDataFile(shown, 'ruleset.schema.json', 'rule pack').data as Omit<RulePack, 'file'>;
    const pack: RulePack = {
      ...raw,
      file: shown,
      items: raw.items.map((item, i) => expandItem(item, i, common, shown)),
    };
    checkUnique(pack, shown);
    checkDependencies(pack, shown);
    if (packs.some((p) => p.edition === pack.edition)) {
      throw new UsageError(`${shown}: invalid rule pack: /edition: edition "${pack.edition}" is defined twice`);
    }
    packs.push(pack);
  }
  const set: RuleSet = { packs: packs.map((p) => inherit(p, packs)), common, metrics, hygiene, griCatalog, hash: hash.digest('hex').slice(0, 16) };
  cache.set(dir, set);
  return set;
}
