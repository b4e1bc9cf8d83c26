// Recursive-descent parser for the ECS cluster query language (placement constraints and instance filters).
import type { CqlComparisonOperator, CqlExpression, CqlField, CqlTarget } from './ast';
import { compileCqlPattern, isCqlVersion, parseCqlCount, parseCqlDate } from './values';

// Grammar (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/cluster-query-language.html):
//   or      := and (('or' | '||') and)*
//   and     := unary (('and' | '&&') unary)*
//   unary   := ('not' | '!') unary | '(' or ')' | simple
//   simple  := subject operator [argument]
//   argument:= value | '[' value (',' value)* ']'      (lists also accept '(' ... ')')

const maxCqlLength = 2000;

export class CqlSyntaxError extends Error {
  constructor(
    message: string,
    /** 0-based offset into the source where the problem was found. */
    readonly position: number,
  ) {
    super(message);
    this.name = 'CqlSyntaxError';
  }
}

type Token =
  | { kind: 'word' | 'string' | 'symbol'; text: string; position: number }
  | { kind: 'end'; text: ''; position: number };

const symbols = [
  '==',
  '!=',
  '>=',
  '<=',
  '=~',
  '!~',
  '&&',
  '||',
  '>',
  '<',
  '!',
  '(',
  ')',
  '[',
  ']',
  ',',
];
const wordBreak = /[\s()[\],'"=!<>&|~]/;

function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < source.length) {
    const char = source[i] as string;
    if (/\s/.test(char)) {
      i++;
      continue;
    }
    if (char === "'" || char === '"') {
      const start = i;
      let text = '';
      i++;
      while (i < source.length && source[i] !== char) {
        // \' and \\ are escapes; any other backslash is kept, so regex escapes like \. survive.
        if (source[i] === '\\' && (source[i + 1] === char || source[i + 1] === '\\')) i++;
        text += source[i];
        i++;
      }
      if (i >= source.length)
        throw new CqlSyntaxError(`Unterminated quoted value starting at ${where(start)}`, start);
      i++;
      tokens.push({ kind: 'string', text, position: start });
      continue;
    }
    const symbol = symbols.find((s) => source.startsWith(s, i));
    if (symbol) {
      tokens.push({ kind: 'symbol', text: symbol, position: i });
      i += symbol.length;
      continue;
    }
    if (wordBreak.test(char)) throw new CqlSyntaxError(`Unexpected '${char}' at ${where(i)}`, i);
    const start = i;
    while (i < source.length && !wordBreak.test(source[i] as string)) i++;
    tokens.push({ kind: 'word', text: source.slice(start, i), position: start });
  }
  tokens.push({ kind: 'end', text: '', position: source.length });
  return tokens;
}

function where(position: number): string {
  return `character ${position + 1}`;
}

function describe(token: Token): string {
  return token.kind === 'end'
    ? 'the end of the expression'
    : `'${token.text}' at ${where(token.position)}`;
}

type Operator = CqlComparisonOperator | 'in' | '!in' | 'exists' | '!exists';

const operatorWords: Record<string, Operator> = {
  equals: '==',
  not_equals: '!=',
  greater_than: '>',
  greater_than_equal: '>=',
  less_than: '<',
  less_than_equal: '<=',
  matches: '=~',
  not_matches: '!~',
  in: 'in',
  not_in: '!in',
  exists: 'exists',
  not_exists: '!exists',
};
const symbolOperators = new Set<string>(['==', '!=', '>', '>=', '<', '<=', '=~', '!~']);

const ordering: readonly Operator[] = ['==', '!=', '>', '>=', '<', '<='];
const matching: readonly Operator[] = ['==', '!=', 'in', '!in', '=~', '!~'];
const allOperators: readonly Operator[] = [
  ...ordering,
  'in',
  '!in',
  '=~',
  '!~',
  'exists',
  '!exists',
];

// The valid operators the ECS guide lists for each field; attributes take every operator.
const fieldOperators: Record<CqlField, readonly Operator[]> = {
  agentConnected: matching,
  agentVersion: ordering,
  ec2InstanceId: matching,
  registeredAt: ordering,
  runningTasksCount: ordering,
  'task:group': [...matching, 'exists', '!exists'],
};

const attributeName = /^[A-Za-z0-9\-_./@]{1,128}$/;

function isField(word: string): word is CqlField {
  return Object.hasOwn(fieldOperators, word);
}

export function targetLabel(target: CqlTarget): string {
  return target.kind === 'attribute' ? `attribute:${target.name}` : target.field;
}

// Keeps recursion well inside the JavaScript stack whatever the input.
const maxDepth = 100;

class Parser {
  private index = 0;
  private depth = 0;

  constructor(private readonly tokens: Token[]) {}

  parse(): CqlExpression {
    const expression = this.or();
    const next = this.peek();
    if (next.kind !== 'end')
      throw new CqlSyntaxError(
        `Expected 'and', 'or' or the end, found ${describe(next)}`,
        next.position,
      );
    return expression;
  }

  private peek(): Token {
    return this.tokens[this.index] as Token;
  }

  private next(): Token {
    const token = this.peek();
    if (token.kind !== 'end') this.index++;
    return token;
  }

  private accept(...texts: string[]): boolean {
    const token = this.peek();
    if ((token.kind === 'word' || token.kind === 'symbol') && texts.includes(token.text)) {
      this.index++;
      return true;
    }
    return false;
  }

  private expectSymbol(text: string, context: string): void {
    const token = this.next();
    if (token.kind !== 'symbol' || token.text !== text)
      throw new CqlSyntaxError(
        `Expected '${text}' ${context}, found ${describe(token)}`,
        token.position,
      );
  }

  private or(): CqlExpression {
    let left = this.and();
    while (this.accept('or', '||')) left = { type: 'or', left, right: this.and() };
    return left;
  }

  private and(): CqlExpression {
    let left = this.unary();
    while (this.accept('and', '&&')) left = { type: 'and', left, right: this.unary() };
    return left;
  }

  private unary(): CqlExpression {
    const start = this.peek();
    if (++this.depth > maxDepth)
      throw new CqlSyntaxError(
        `Expressions nest deeper than ${maxDepth} levels at ${where(start.position)}`,
        start.position,
      );
    try {
      return this.negationOrGroup();
    } finally {
      this.depth--;
    }
  }

  private negationOrGroup(): CqlExpression {
    if (this.accept('not', '!')) return { type: 'not', operand: this.unary() };
    const open = this.peek();
    if (open.kind === 'symbol' && open.text === '(') {
      this.index++;
      const inner = this.or();
      this.expectSymbol(')', `to close the '(' at ${where(open.position)}`);
      return inner;
    }
    return this.simple();
  }

  private simple(): CqlExpression {
    const target = this.target();
    const label = targetLabel(target);
    const operatorToken = this.peek();
    const operator = this.operator(label);
    const valid = target.kind === 'attribute' ? allOperators : fieldOperators[target.field];
    if (!valid.includes(operator))
      throw new CqlSyntaxError(
        `Operator '${operator}' is not valid for ${label} at ${where(operatorToken.position)}; use one of ${valid.join(', ')}`,
        operatorToken.position,
      );
    if (operator === 'exists' || operator === '!exists')
      return { type: 'exists', target, negated: operator === '!exists' };
    if (operator === 'in' || operator === '!in')
      return { type: 'in', target, negated: operator === '!in', values: this.list(target, label) };
    const valueToken = this.peek();
    const value = this.value(`after '${label} ${operator}'`);
    checkValue(target, operator, value, valueToken.position);
    return { type: 'compare', target, operator, value };
  }

  private target(): CqlTarget {
    const token = this.next();
    const subjects =
      'attribute:<name>, agentConnected, agentVersion, ec2InstanceId, registeredAt, runningTasksCount or task:group';
    if (token.kind !== 'word')
      throw new CqlSyntaxError(
        `Expected an expression starting with ${subjects}, found ${describe(token)}`,
        token.position,
      );
    if (token.text.startsWith('attribute:')) {
      const name = token.text.slice('attribute:'.length);
      if (!attributeName.test(name))
        throw new CqlSyntaxError(
          `Invalid attribute name '${name}' at ${where(token.position)}: use 1-128 letters, digits, '-', '_', '.', '/' or '@'`,
          token.position,
        );
      return { kind: 'attribute', name };
    }
    if (isField(token.text)) return { kind: 'field', field: token.text };
    throw new CqlSyntaxError(
      `Unknown subject ${describe(token)}: expected ${subjects}`,
      token.position,
    );
  }

  private operator(label: string): Operator {
    const token = this.next();
    if (token.kind === 'symbol' && symbolOperators.has(token.text))
      return token.text as CqlComparisonOperator;
    if (token.kind === 'symbol' && token.text === '!') {
      const negated = this.peek();
      if (negated.kind === 'word' && (negated.text === 'in' || negated.text === 'exists')) {
        this.index++;
        return negated.text === 'in' ? '!in' : '!exists';
      }
    }
    if (token.kind === 'word' && Object.hasOwn(operatorWords, token.text))
      return operatorWords[token.text] as Operator;
    throw new CqlSyntaxError(
      `Expected an operator after '${label}', found ${describe(token)}`,
      token.position,
    );
  }

  private value(context: string): string {
    const token = this.next();
    if (token.kind === 'word' || token.kind === 'string') return token.text;
    throw new CqlSyntaxError(
      `Expected a value ${context}, found ${describe(token)}`,
      token.position,
    );
  }

  private list(target: CqlTarget, label: string): string[] {
    const open = this.next();
    if (open.kind !== 'symbol' || (open.text !== '[' && open.text !== '('))
      throw new CqlSyntaxError(
        `Expected a list like [a, b] after '${label} in', found ${describe(open)}`,
        open.position,
      );
    const close = open.text === '[' ? ']' : ')';
    const values: string[] = [];
    do {
      const valueToken = this.peek();
      const value = this.value(`in the list of ${label}`);
      checkValue(target, 'in', value, valueToken.position);
      values.push(value);
    } while (this.accept(','));
    this.expectSymbol(close, `to close the list opened at ${where(open.position)}`);
    return values;
  }
}

function checkValue(target: CqlTarget, operator: Operator, value: string, position: number): void {
  const fail = (message: string) => {
    throw new CqlSyntaxError(`${message} at ${where(position)}`, position);
  };
  if (operator === '=~' || operator === '!~') {
    try {
      compileCqlPattern(value);
    } catch {
      fail(`Invalid regular expression '${value}'`);
    }
    return;
  }
  if (target.kind === 'attribute') return;
  switch (target.field) {
    case 'runningTasksCount':
      if (parseCqlCount(value) === undefined)
        fail(`runningTasksCount needs a whole number, not '${value}'`);
      break;
    case 'registeredAt':
      if (parseCqlDate(value) === undefined)
        fail(`registeredAt needs a date like 2018-06-18 or 2018-06-18T22:28:28Z, not '${value}'`);
      break;
    case 'agentVersion':
      if (!isCqlVersion(value)) fail(`agentVersion needs a version like 1.14.5, not '${value}'`);
      break;
    case 'agentConnected':
      if (value !== 'true' && value !== 'false')
        fail(`agentConnected needs true or false, not '${value}'`);
      break;
  }
}

export function parseCql(source: string): CqlExpression {
  if (source.length > maxCqlLength)
    throw new CqlSyntaxError(
      `The expression is ${source.length} characters long; the limit is ${maxCqlLength}`,
      maxCqlLength,
    );
  if (source.trim() === '') throw new CqlSyntaxError('The expression is empty', 0);
  return new Parser(tokenize(source)).parse();
}
