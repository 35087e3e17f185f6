import { loadRules } from '../rules/load.js';
import type { ItemSpec, ObligationRule, RulePack, RuleSet } from '../rules/types.js';
import { UsageError } from '../util/errors.js';
import type { CommandIo } from './commands.js';
import { findConfig, loadConfig } from './config.js';
import { parseCommand } from './options.js';

const HELP = `esglint explain <item> [options] — what a clause or disclosure requires

  --edition <id>     only this edition (default: every edition that has the item)
  --json             print the item as JSON
  --rules <dir>      rule packs from this directory
  --config <file>, --no-config

Examples: esglint explain A1.2; esglint explain D-ghg-scope3; esglint explain 305-1`;

const MAX_TERMS = 10;

export async function explainCommand(argv: string[], io: CommandIo): Promise<number> {
  const parsed = parseCommand('explain', argv, {
    edition: { type: 'string' },
    json: { type: 'boolean' },
    rules: { type: 'string' },
    config: { type: 'string' },
    'no-config': { type: 'boolean' },
  }, true);
  const { values, positionals } = parsed;
  if (values.help) {
    io.stdout(HELP + '\n');
    return 0;
  }
  if (positionals.length !== 1) throw new UsageError('explain needs one item id, e.g. esglint explain A1.2');
  const rules = loadRules(rulesDirOf(values));
  const wanted = positionals[0];
  const found = rules.packs
    .filter((p) => !values.edition || p.edition === values.edition)
    .flatMap((pack) => pack.items.filter((i) => i.id.toLowerCase() === wanted.toLowerCase()).map((item) => ({ pack, item })));
  if (values.edition && !rules.packs.some((p) => p.edition === values.edition)) {
    throw new UsageError(`unknown edition "${values.edition}" (editions: ${rules.packs.map((p) => p.edition).join(', ')})`);
  }
  if (found.length === 0) throw new UsageError(`unknown item "${wanted}"${suggest(rules, wanted)}; esglint rules lists every item`);
  if (values.json) {
    io.stdout(JSON.stringify(found.map(({ pack, item }) => ({ edition: pack.edition, framework: pack.framework, ...item })), null, 2) + '\n');
    return 0;
  }
  io.stdout(explainText(found, rules) + '\n');
  return 0;
}

export function rulesDirOf(values: { rules?: string; config?: string; 'no-config'?: boolean }): string | undefined {
  if (values.rules) return values.rules;
  const configFile = values['no-config'] ? undefined : (values.config ?? findConfig(process.cwd()));
  return configFile ? loadConfig(configFile).rulesDir : undefined;
}

function suggest(rules: RuleSet, wanted: string): string {
  const w = wanted.toLowerCase();
  const ids = [...new Set(rules.packs.flatMap((p) => p.items.map((i) => i.id)))];
  const close = ids.filter((id) => id.toLowerCase().startsWith(w) || w.startsWith(id.toLowerCase()) || id.toLowerCase().includes(w)).slice(0, 5);
  return close.length ? ` (did you mean ${close.join(', ')}?)` : '';
}

function wrap(text: string, indent: string, width = 96): string {
  const words = text.replace(/\s+/g, ' ').trim().split(' ');
  const lines: string[] = [];
  let line = '';
  for (const word of words) {
    if (line && indent.length + line.length + 1 + word.length > width) {
      lines.push(indent + line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(indent + line);
  return lines.join('\n');
}

function describeRule(rule: ObligationRule): string {
  const who: string[] = [];
  if (rule.when.board) who.push(rule.when.board === 'gem' ? 'GEM issuers' : 'Main Board issuers');
  if (rule.when.largeCap !== undefined) who.push(rule.when.largeCap ? 'LargeCap issuers' : 'issuers outside the LargeCap index');
  const when = rule.when.periodStartFrom ? ` for periods starting on or after ${rule.when.periodStartFrom}` : '';
  return `${rule.obligation} for ${who.join(' that are ') || 'every issuer'}${when}`;
}

/** When an edition applies: by the start of the period (HKEX) or the publication date (GRI). */
export function describeApplies(pack: RulePack): string {
  const applies = pack.applies as RulePack['applies'] & { publishedFrom?: string; publishedBefore?: string };
  const span = (what: string, from?: string, before?: string) =>
    from && before ? `${what} ${from} to before ${before}` : from ? `${what} on or after ${from}` : before ? `${what} before ${before}` : undefined;
  return span('periods starting', applies.periodStartFrom, applies.periodStartBefore)
    ?? span('reports published', applies.publishedFrom, applies.publishedBefore)
    ?? 'any period';
}

function terms(group: string[]): string {
  return group.length > MAX_TERMS ? `${group.slice(0, MAX_TERMS).join(', ')}, … (${group.length - MAX_TERMS} more)` : group.join(', ');
}

function linkedTitle(rules: RuleSet, id: string): string {
  for (const pack of [...rules.packs].reverse()) {
    const item = pack.items.find((i) => i.id === id);
    if (item) return `${id} (${item.title.en})`;
  }
  return id;
}

function explainText(found: { pack: RulePack; item: ItemSpec }[], rules: RuleSet): string {
  // The latest edition describes the item; earlier ones add their obligation and any difference.
  const ordered = [...found].sort((a, b) => (b.pack.applies.periodStartFrom ?? '').localeCompare(a.pack.applies.periodStartFrom ?? ''));
  const { item, pack } = ordered[0];
  const out: string[] = [];
  out.push(`${item.id} — ${item.title.en}`);
  out.push(`  ${item.title['zh-Hant']} / ${item.title['zh-Hans']}`);
  const standard = (item as ItemSpec & { standard?: string }).standard;
  out.push(`  ${pack.framework.toUpperCase()}${standard ? ` · ${standard}` : ''}${item.part ? ` · Part ${item.part}` : ''}${item.aspect ? ` · ${item.aspect}` : ''} · ${item.kind}`);
  out.push('', 'What it requires (our paraphrase):', wrap(item.requirement, '  '));
  const absent = rules.packs.filter((p) => p.framework === pack.framework && !found.some((f) => f.pack === p));
  out.push('', 'Obligation by edition:');
  for (const { pack: p, item: i } of ordered) {
    const rulesText = (i.obligationRules ?? []).map(describeRule);
    out.push(wrap(`${p.edition} (${describeApplies(p)}): ${i.obligation}${rulesText.length ? `; but ${rulesText.join('; ')} (the first that applies wins)` : ''}`, '  '));
    if (i !== item && i.requirement !== item.requirement) out.push(wrap(`In ${p.edition}: ${i.requirement}`, '    '));
  }
  for (const p of absent) out.push(`  ${p.edition} (${describeApplies(p)}): not in this edition`);
  if ((item as ItemSpec & { omissionAllowed?: boolean }).omissionAllowed === false) {
    out.push('  A reason for omission may not replace this disclosure.');
  }

  const ev = item.evidence;
  out.push('', 'Evidence esglint looks for:');
  if (ev.sections?.length) out.push(wrap(`Sections headed: ${terms(ev.sections)}`, '  '));
  for (const el of ev.elements) {
    out.push(`  - ${el.label}${el.optional ? ' (optional)' : ''}:`);
    el.all.forEach((group, g) => out.push(wrap(`${g === 0 ? 'one of' : 'near one of'}: ${terms(group)}`, '      ')));
    const extra = [el.window ? `within ${el.window} characters` : '', el.number ? 'with a figure' : '', el.tables ? 'in a table' : '', el.inSection ? 'inside such a section' : '']
      .filter(Boolean);
    if (extra.length) out.push(`      (${extra.join(', ')})`);
  }
  for (const m of ev.metrics ?? []) {
    out.push(`  - metric ${m.id}${m.breakdowns?.length ? `, broken down by ${m.breakdowns.join(', ')}` : ''}${m.intensity ? ', with an intensity' : ''}`);
  }
  if (ev.topic?.length) out.push(wrap(`An explanation of omission is recognised near: ${terms(ev.topic)}`, '  '));

  const links = Object.entries(item.links ?? {}).filter(([, ids]) => ids && ids.length);
  if (links.length) {
    out.push('', 'Linked items:');
    for (const [framework, ids] of links) {
      const name = framework === 'ifrsS2' ? 'IFRS S2 paragraphs' : framework.toUpperCase();
      out.push(wrap(`${name}: ${ids!.map((id) => (framework === 'ifrsS2' ? id : linkedTitle(rules, id))).join(', ')}`, '  '));
    }
  }
  out.push('', 'Source:', wrap(item.source, '  '), '', 'Verification:', wrap(item.verification, '  '));
  return out.join('\n');
}
