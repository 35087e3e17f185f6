/** rules/gri/catalog.yaml (schemas/gri-catalog.schema.json): every GRI standard version. */

export interface GriStandardVersion {
  number: string;
  title: string;
  titleZh?: string[];
  year: number;
  series?: 'universal' | 'topic' | 'sector';
  status: 'current' | 'superseded' | 'withdrawn' | 'upcoming';
  effectiveFrom?: string;
  supersededFrom?: string;
  replacedBy?: string;
  disclosures: string[];
  source: string;
  verification: string;
}

export interface GriCatalog {
  standards: GriStandardVersion[];
  claims: {
    inAccordance: string[];
    withReference: string[];
    obsolete: string[];
    omissionReasons?: Record<string, string[]>;
  };
}

/** The versions of a standard number, newest first. */
export function versionsOf(catalog: GriCatalog, number: string): GriStandardVersion[] {
  return catalog.standards.filter((s) => s.number === number).sort((a, b) => b.year - a.year);
}

/** Full citation form, e.g. "GRI 305: Emissions 2016". */
export function citation(s: GriStandardVersion): string {
  return `GRI ${s.number}: ${s.title} ${s.year}`;
}
