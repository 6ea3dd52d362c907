/**
 * Stage 2: what dmn-scala's DmnParser checks while it parses a DRG, with its failure texts — the
 * FEEL syntax of decision tables (input expressions: "FEEL expression: …", input entries:
 * "FEEL unary-tests: …", output and default output entries), literal expressions, contexts,
 * lists, relations, invocations and business knowledge models; the expression language; output
 * names of compound outputs. Like DmnParser it visits required decisions and BKMs before the
 * element that requires them, checks each distinct expression text once, and collects every
 * failure (Zeebe joins them with "\n").
 */
import { checkExpression, checkUnaryTests } from '../../feel';
import { childOf, childrenOf, stringOf, type DmnElement } from '../parse/parseDmn';
import { embeddedId } from './references';

/** DmnParser.feelNameSpaces, lower case. */
const FEEL_LANGUAGES = new Set([
  'feel',
  'http://www.omg.org/spec/feel/20140401',
  'http://www.omg.org/spec/dmn/20180521/feel/',
  'https://www.omg.org/spec/dmn/20191111/feel/',
  'https://www.omg.org/spec/dmn/20211108/feel/',
  'https://www.omg.org/spec/dmn/20230324/model/',
]);

export class DecisionLogicChecker {
  readonly failures: string[] = [];
  private readonly checkedExpressions = new Set<string>();
  private readonly checkedUnaryTests = new Set<string>();
  private readonly visited = new Set<DmnElement>();
  private readonly decisionsById = new Map<string, DmnElement>();
  private readonly bkmsById = new Map<string, DmnElement>();
  private readonly bkmNames = new Set<string>();

  constructor(drgElements: DmnElement[]) {
    for (const element of drgElements) {
      const id = stringOf(element, 'id');
      if (element.$type === 'dmn:Decision' && id) this.decisionsById.set(id, element);
      if (element.$type === 'dmn:BusinessKnowledgeModel') {
        if (id) this.bkmsById.set(id, element);
        const name = stringOf(element, 'name');
        if (name) this.bkmNames.add(name);
      }
    }
  }

  check(drgElements: DmnElement[]): string[] {
    for (const element of drgElements) {
      if (element.$type === 'dmn:Decision') this.decision(element);
      else if (element.$type === 'dmn:BusinessKnowledgeModel') this.bkm(element);
    }
    return this.failures;
  }

  private decision(decision: DmnElement): void {
    if (!this.enter(decision)) return;
    for (const requirement of childrenOf(decision, 'informationRequirement')) {
      const required = this.decisionsById.get(
        embeddedId(childOf(requirement, 'requiredDecision')) ?? '',
      );
      if (required) this.decision(required);
    }
    this.requiredBkms(decision);
    const logic = childOf(decision, 'decisionLogic');
    switch (logic?.$type) {
      case 'dmn:DecisionTable':
      case 'dmn:Invocation':
      case 'dmn:Context':
      case 'dmn:Relation':
      case 'dmn:List':
      case 'dmn:LiteralExpression':
        this.expression(logic);
        break;
      default:
        this.fail(`unsupported decision expression '${describe(logic)}'`);
    }
  }

  private bkm(bkm: DmnElement): void {
    if (!this.enter(bkm)) return;
    this.requiredBkms(bkm);
    const encapsulatedLogic = childOf(bkm, 'encapsulatedLogic');
    if (!encapsulatedLogic) return;
    const body = childOf(encapsulatedLogic, 'body');
    switch (body?.$type) {
      case 'dmn:DecisionTable':
      case 'dmn:Context':
      case 'dmn:Relation':
      case 'dmn:List':
      case 'dmn:LiteralExpression':
        this.expression(body);
        break;
      default:
        this.fail(`unsupported business knowledge model logic found '${describe(body)}'`);
    }
  }

  private requiredBkms(element: DmnElement): void {
    for (const requirement of childrenOf(element, 'knowledgeRequirement')) {
      const required = this.bkmsById.get(
        embeddedId(childOf(requirement, 'requiredKnowledge')) ?? '',
      );
      if (required) this.bkm(required);
    }
  }

  /** DmnParser.parseAnyExpression */
  private expression(expression: DmnElement | undefined): void {
    switch (expression?.$type) {
      case 'dmn:DecisionTable':
        return this.decisionTable(expression);
      case 'dmn:Invocation':
        return this.invocation(expression);
      case 'dmn:Context':
        for (const entry of childrenOf(expression, 'contextEntry')) {
          this.expression(childOf(entry, 'value'));
        }
        return;
      case 'dmn:Relation':
        return this.relation(expression);
      case 'dmn:List':
        for (const element of childrenOf(expression, 'elements')) this.expression(element);
        return;
      case 'dmn:LiteralExpression':
        return this.feelExpression(expression);
      case 'dmn:FunctionDefinition': {
        const body = childOf(expression, 'body');
        if (body?.$type === 'dmn:LiteralExpression') return this.feelExpression(body);
        return this.fail(`expected literal expression but found '${describe(body)}'`);
      }
      default:
        return this.fail(`unsupported expression found '${describe(expression)}'`);
    }
  }

  private decisionTable(table: DmnElement): void {
    const outputs = childrenOf(table, 'output');
    if (
      outputs.length > 1 &&
      stringOf(table, 'hitPolicy') === 'COLLECT' &&
      stringOf(table, 'aggregation') !== undefined
    ) {
      this.fail("hit policy 'COLLECT' with aggregator is not defined for compound output");
    }
    if (outputs.length > 1) {
      for (const output of outputs) {
        if (stringOf(output, 'name') === undefined) {
          this.fail(`no output name defined for \`${stringOf(output, 'label') ?? 'null'}\``);
        }
      }
    }
    for (const input of childrenOf(table, 'input')) {
      this.feelExpression(childOf(input, 'inputExpression'));
    }
    for (const output of outputs) {
      const defaultOutputEntry = childOf(output, 'defaultOutputEntry');
      if (defaultOutputEntry) this.feelExpression(defaultOutputEntry);
    }
    for (const rule of childrenOf(table, 'rule')) {
      for (const inputEntry of childrenOf(rule, 'inputEntry')) this.unaryTests(inputEntry);
      for (const outputEntry of childrenOf(rule, 'outputEntry')) this.feelExpression(outputEntry);
    }
  }

  private invocation(invocation: DmnElement): void {
    for (const binding of childrenOf(invocation, 'binding')) {
      const formula = childOf(binding, 'bindingFormula');
      if (formula?.$type === 'dmn:LiteralExpression') this.feelExpression(formula);
      else this.fail(`expected binding with literal expression but found '${describe(formula)}'`);
    }
    const called = childOf(invocation, 'calledFunction');
    if (called?.$type !== 'dmn:LiteralExpression') {
      this.fail(`expected invocation with literal expression but found '${describe(called)}'`);
      return;
    }
    const name = stringOf(called, 'text') ?? '';
    if (!this.bkmNames.has(name)) this.fail(`no BKM found with name '${name}'`);
  }

  private relation(relation: DmnElement): void {
    const columns = childrenOf(relation, 'column').length;
    const rows = childrenOf(relation, 'row');
    for (const row of rows) {
      const size = childrenOf(row, 'elements').length;
      if (size !== columns) {
        this.fail(`expected row with '${columns}' elements but found '${size}'`);
      }
    }
    for (const row of rows) {
      for (const cell of childrenOf(row, 'elements')) this.expression(cell);
    }
  }

  /** DmnParser.parseFeelExpression(LiteralExpression) */
  private feelExpression(literal: DmnElement | undefined): void {
    const text = stringOf(literal, 'text');
    if (text === undefined) {
      return this.fail(`The expression '${stringOf(literal, 'id') ?? 'null'}' must not be empty.`);
    }
    if (!this.isFeel(literal)) return;
    if (this.checkedExpressions.has(text)) return;
    this.checkedExpressions.add(text);
    const check = checkExpression(text);
    if (!check.ok) this.fail(`FEEL expression: ${check.message}`);
  }

  /** DmnParser.parseUnaryTests: an empty input entry matches anything. */
  private unaryTests(unaryTests: DmnElement): void {
    if (!this.isFeel(unaryTests)) return;
    const text = stringOf(unaryTests, 'text') ?? '';
    if (text === '' || this.checkedUnaryTests.has(text)) return;
    this.checkedUnaryTests.add(text);
    const check = checkUnaryTests(text);
    if (!check.ok) this.fail(`FEEL unary-tests: ${check.message}`);
  }

  private isFeel(expression: DmnElement | undefined): boolean {
    const language = (stringOf(expression, 'expressionLanguage') ?? 'feel').toLowerCase();
    if (FEEL_LANGUAGES.has(language)) return true;
    this.fail(`Expression language '${language}' is not supported`);
    return false;
  }

  private enter(element: DmnElement): boolean {
    if (this.visited.has(element)) return false;
    this.visited.add(element);
    return true;
  }

  private fail(message: string): void {
    this.failures.push(message);
  }
}

/** What DmnParser prints for an unexpected element (Java's toString names the model class). */
function describe(element: DmnElement | undefined): string {
  return element ? element.$type.replace(/^dmn:/, '') : 'null';
}
