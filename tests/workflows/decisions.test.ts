/**
 * The DMN decision tables of workflows/: DMN 1.3 for Camunda 8 with FEEL, every cell valid
 * FEEL, and the rules giving the intended results (evaluated with the engine's FEEL by the
 * oracle in decisionTable.ts), over the whole domain the start forms allow.
 */
import { describe, expect, it } from 'vitest';
import { checkExpression, checkUnaryTests } from '../../engine/src/feel';
import { evaluateTable, readDmn, type DecisionTable } from './decisionTable';
import { readVariables } from './feelVariables';
import { CITIZEN_GROUP } from './processContracts';
import { serviceOf, services, variablesOf } from './workflowSuite';

const dmnFiles = await Promise.all(
  services.flatMap((service) =>
    service.dmn.map(async (file) => ({
      service: service.id,
      name: file.name,
      xml: file.content,
      dmn: await readDmn(file.content),
    })),
  ),
);

async function table(serviceId: string, decisionId: string): Promise<DecisionTable> {
  const service = serviceOf(serviceId);
  for (const file of service.dmn) {
    const found = (await readDmn(file.content)).decisions.find((d) => d.decisionId === decisionId);
    if (found) return found;
  }
  throw new Error(`no decision ${decisionId} in ${serviceId}`);
}

/** The values of a select or radio field of a form. */
function optionsOf(serviceId: string, formId: string, key: string): string[] {
  const form = serviceOf(serviceId).forms.find((f) => f.content.id === formId);
  const field = (
    form?.content.components as { key?: string; values?: { value: string }[] }[] | undefined
  )?.find((c) => c.key === key);
  return field?.values?.map((v) => v.value) ?? [];
}

describe('DMN files', () => {
  it.each(dmnFiles)(
    '$service/$name is DMN 1.3 for Camunda 8 with decision tables in FEEL',
    ({ xml, dmn }) => {
      expect(xml).toContain('xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/"');
      expect(xml).toContain('modeler:executionPlatform="Camunda Cloud"');
      expect(dmn.namespace).toBe('http://camunda.org/schema/1.0/dmn');
      expect(dmn.warnings).toEqual([]);
      expect(dmn.decisions.length).toBeGreaterThan(0);
      expect(xml).not.toMatch(
        /expressionLanguage="(?!https:\/\/www\.omg\.org\/spec\/DMN\/20191111\/FEEL\/)/,
      );
    },
  );

  it.each(dmnFiles)(
    '$service/$name: every cell is valid FEEL and every rule fills every column',
    ({ dmn }) => {
      const problems = dmn.decisions.flatMap((decision) => [
        ...decision.inputs.flatMap((input) => {
          const check = checkExpression(input.expression);
          return check.ok ? [] : [`${decision.decisionId} input ${input.label}: ${check.message}`];
        }),
        ...decision.rules.flatMap((rule) => [
          ...(rule.inputEntries.length === decision.inputs.length &&
          rule.outputEntries.length === decision.outputs.length
            ? []
            : [`${rule.id}: ${rule.inputEntries.length}/${rule.outputEntries.length} entries`]),
          ...rule.inputEntries.flatMap((entry) => {
            const check = checkUnaryTests(entry.trim() === '-' ? '-' : entry);
            return check.ok ? [] : [`${rule.id}: ${check.message}`];
          }),
          ...rule.outputEntries.flatMap((entry) => {
            const check = checkExpression(entry);
            return check.ok ? [] : [`${rule.id}: ${check.message}`];
          }),
        ]),
      ]);
      expect(problems).toEqual([]);
    },
  );

  it.each(
    services.flatMap((s) =>
      s.processes.flatMap((p) =>
        p.model.calledDecisions.map((call) => ({ ...call, process: p, service: s.id })),
      ),
    ),
  )(
    '$service: the decision $decisionId reads what its business rule task gives it',
    async ({ service, decisionId, elementId, process }) => {
      // given what the task sees: the process variables and the task's input mappings
      const decision = await table(service, decisionId);
      const inputs = process.model.expressions.filter(
        (e) => e.elementId === elementId && e.role.startsWith('input '),
      );
      const known = new Set([
        ...Object.keys(variablesOf(process)),
        ...inputs.map((e) => e.role.slice('input '.length)),
      ]);
      // when
      const read = [
        ...decision.inputs.map((input) => input.expression),
        ...decision.rules.flatMap((rule) => rule.outputEntries),
      ].flatMap((expression) => readVariables(expression).map((v) => v.name));
      // then
      expect([...new Set(read)].filter((name) => !known.has(name))).toEqual([]);
    },
  );
});

describe('dog-tax', () => {
  it.each([
    { assistanceDog: false, dogsInHousehold: 1, dogTaxRate: 120, dogTax: 120 },
    { assistanceDog: false, dogsInHousehold: 2, dogTaxRate: 120, dogTax: 180 },
    { assistanceDog: false, dogsInHousehold: 3, dogTaxRate: 120, dogTax: 240 },
    { assistanceDog: false, dogsInHousehold: 7, dogTaxRate: 120, dogTax: 240 },
    { assistanceDog: false, dogsInHousehold: 2, dogTaxRate: 90, dogTax: 135 },
    { assistanceDog: true, dogsInHousehold: 1, dogTaxRate: 120, dogTax: 0 },
    { assistanceDog: true, dogsInHousehold: 4, dogTaxRate: 120, dogTax: 0 },
  ])(
    '$dogsInHousehold dog(s), assistance dog $assistanceDog, rate $dogTaxRate → CHF $dogTax',
    async ({ dogTax, ...variables }) => {
      expect(evaluateTable(await table('dog-registration', 'dog-tax'), variables)).toBe(dogTax);
    },
  );

  it('gives exactly one tax for every household the form allows (1–20 dogs)', async () => {
    const decision = await table('dog-registration', 'dog-tax');
    for (const assistanceDog of [true, false]) {
      for (let dogsInHousehold = 1; dogsInHousehold <= 20; dogsInHousehold += 1) {
        expect(
          evaluateTable(decision, { assistanceDog, dogsInHousehold, dogTaxRate: 120 }),
        ).toEqual(expect.any(Number));
      }
    }
  });
});

describe('parking-permit-fee', () => {
  it.each([
    { zone: 'A', durationMonths: '12', permitFee: 600 },
    { zone: 'B', durationMonths: '6', permitFee: 240 },
    { zone: 'C', durationMonths: '1', permitFee: 30 },
    { zone: 'D', durationMonths: '1', permitFee: null },
  ])(
    'zone $zone for $durationMonths month(s) → $permitFee',
    async ({ permitFee, ...variables }) => {
      expect(evaluateTable(await table('parking-permit', 'parking-permit-fee'), variables)).toBe(
        permitFee,
      );
    },
  );

  it('has exactly one fee for every zone and duration the start form offers', async () => {
    const decision = await table('parking-permit', 'parking-permit-fee');
    const zones = optionsOf('parking-permit', 'parking-permit-application', 'zone');
    const durations = optionsOf('parking-permit', 'parking-permit-application', 'durationMonths');
    expect(zones.length * durations.length).toBe(12);
    for (const zone of zones)
      for (const durationMonths of durations)
        expect(
          evaluateTable(decision, { zone, durationMonths }),
          `${zone}/${durationMonths}`,
        ).toBeGreaterThan(0);
  });
});

describe('building-permit-consultation-offices', () => {
  const none = {
    outsideBuildingZone: false,
    heritageProtected: false,
    adjacentToCantonalRoad: false,
  };
  it.each([
    {
      project: 'a new building',
      variables: { ...none, projectType: 'newBuilding' },
      offices: ['umwelt-und-energie', 'gebaeudeversicherung'],
    },
    {
      project: 'a solar installation',
      variables: { ...none, projectType: 'solarInstallation' },
      offices: [],
    },
    {
      project: 'a listed house extended',
      variables: { ...none, projectType: 'extension', heritageProtected: true },
      offices: ['umwelt-und-energie', 'gebaeudeversicherung', 'denkmalpflege'],
    },
    {
      project: 'a barn outside the building zone',
      variables: { ...none, projectType: 'agriculturalBuilding', outsideBuildingZone: true },
      offices: ['raum-und-wirtschaft', 'gebaeudeversicherung', 'landwirtschaft-und-wald'],
    },
    {
      project: 'a fence on a cantonal road',
      variables: { ...none, projectType: 'signage', adjacentToCantonalRoad: true },
      offices: ['verkehr-und-infrastruktur'],
    },
    {
      project: 'a heat pump',
      variables: { ...none, projectType: 'heatPump' },
      offices: ['umwelt-und-energie'],
    },
  ])('$project → $offices', async ({ variables, offices }) => {
    expect(
      evaluateTable(
        await table('building-permit', 'building-permit-consultation-offices'),
        variables,
      ),
    ).toEqual(offices);
  });

  it('names only cantonal groups the manifest declares, each once', async () => {
    // given every project type the form offers, with every combination of the three checkboxes
    const decision = await table('building-permit', 'building-permit-consultation-offices');
    const declared = new Set(serviceOf('building-permit').parsedManifest?.groups.map((g) => g.id));
    const offices = new Set<string>();
    for (const projectType of optionsOf(
      'building-permit',
      'building-permit-application',
      'projectType',
    ))
      for (let flags = 0; flags < 8; flags += 1) {
        const result = evaluateTable(decision, {
          projectType,
          outsideBuildingZone: (flags & 1) > 0,
          heritageProtected: (flags & 2) > 0,
          adjacentToCantonalRoad: (flags & 4) > 0,
        }) as string[];
        expect(new Set(result).size).toBe(result.length);
        result.forEach((office) => offices.add(office));
      }
    // then every office is a group of the canton tenant the manifest lists
    expect(
      [...offices].map((office) => `kanton:${office}`).filter((group) => !declared.has(group)),
    ).toEqual([]);
    expect(offices.has(CITIZEN_GROUP)).toBe(false);
  });
});
