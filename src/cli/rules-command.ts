import { loadRules } from '../rules/load.js';
import { UsageError } from '../util/errors.js';
import type { CommandIo } from './commands.js';
import { describeApplies, rulesDirOf } from './explain.js';
import { parseFrameworks, parseCommand } from './options.js';

const HELP = `esglint rules [options] — every item of every edition, with its obligation

  --framework <name>   hkex or gri; may repeat (default: all)
  --edition <id>       only this edition
  --json               print JSON
  --rules <dir>, --config <file>, --no-config`;

export async function rulesCommand(argv: string[], io: CommandIo): Promise<number> {
  const parsed = parseCommand('rules', argv, {
    framework: { type: 'string', multiple: true },
    edition: { type: 'string' },
    json: { type: 'boolean' },
    rules: { type: 'string' },
    config: { type: 'string' },
    'no-config': { type: 'boolean' },
  }, false);
  const { values } = parsed;
  if (values.help) {
    io.stdout(HELP + '\n');
    return 0;
  }
  const frameworks = parseFrameworks(values.framework);
  const rules = loadRules(rulesDirOf(values));
  if (values.edition && !rules.packs.some((p) => p.edition === values.edition)) {
    throw new UsageError(`unknown edition "${values.edition}" (editions: ${rules.packs.map((p) => p.edition).join(', ')})`);
  }
  const packs = rules.packs
    .filter((p) => (frameworks.length === 0 || frameworks.includes(p.framework)) && (!values.edition || p.edition === values.edition))
    .sort((a, b) => a.framework.localeCompare(b.framework) || (a.applies.periodStartFrom ?? '').localeCompare(b.applies.periodStartFrom ?? ''));
  if (packs.length === 0) throw new UsageError(`no rule pack is loaded for ${frameworks.join(', ')}`);

  if (values.json) {
    const data = packs.map((p) => ({
      framework: p.framework, edition: p.edition, title: p.title, applies: p.applies,
      items: p.items.map((i) => ({
        id: i.id, ...(i.part ? { part: i.part } : {}), ...(i.aspect ? { aspect: i.aspect } : {}), kind: i.kind,
        obligation: i.obligation, ...(i.obligationRules ? { obligationRules: i.obligationRules } : {}), title: i.title,
      })),
    }));
    io.stdout(JSON.stringify(data, null, 2) + '\n');
    return 0;
  }
  const out: string[] = [];
  for (const p of packs) {
    out.push(`${p.edition} — ${p.title}`);
    out.push(`  ${describeApplies(p)}; ${p.items.length} items`);
    const width = Math.max(...p.items.map((i) => i.id.length));
    for (const i of p.items) {
      const varies = i.obligationRules?.length ? '*' : ' ';
      out.push(`  ${i.id.padEnd(width)}  ${(i.obligation + varies).padEnd(18)}  ${i.title.en}`);
    }
    out.push('');
  }
  out.push('* the obligation depends on the issuer tier or the year: see esglint explain <item>');
  io.stdout(out.join('\n') + '\n');
  return 0;
}
