import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CqlExpression, CqlTarget } from './ast';
import { CqlSyntaxError, parseCql } from './parse';
import { printCql } from './print';

const role = { kind: 'attribute', name: 'role' } as const;

describe('parseCql', () => {
  it('parses every example expression of the ECS developer guide', () => {
    expect(parseCql('attribute:ecs.instance-type == t2.small')).toEqual({
      type: 'compare',
      target: { kind: 'attribute', name: 'ecs.instance-type' },
      operator: '==',
      value: 't2.small',
    });
    expect(parseCql('attribute:ecs.availability-zone in [us-east-1a, us-east-1b]')).toEqual({
      type: 'in',
      target: { kind: 'attribute', name: 'ecs.availability-zone' },
      negated: false,
      values: ['us-east-1a', 'us-east-1b'],
    });
    expect(
      parseCql(
        'attribute:ecs.instance-type =~ g2.* and attribute:ecs.availability-zone != us-east-1d',
      ),
    ).toEqual({
      type: 'and',
      left: {
        type: 'compare',
        target: { kind: 'attribute', name: 'ecs.instance-type' },
        operator: '=~',
        value: 'g2.*',
      },
      right: {
        type: 'compare',
        target: { kind: 'attribute', name: 'ecs.availability-zone' },
        operator: '!=',
        value: 'us-east-1d',
      },
    });
    const group = { kind: 'field', field: 'task:group' } as const;
    expect(parseCql('task:group == service:production')).toEqual({
      type: 'compare',
      target: group,
      operator: '==',
      value: 'service:production',
    });
    expect(parseCql('not(task:group == database)')).toEqual({
      type: 'not',
      operand: { type: 'compare', target: group, operator: '==', value: 'database' },
    });
    expect(parseCql('runningTasksCount == 1')).toMatchObject({ operator: '==', value: '1' });
    expect(parseCql('agentVersion < 1.14.5')).toMatchObject({ operator: '<', value: '1.14.5' });
    expect(parseCql('registeredAt < 2018-02-13')).toMatchObject({ value: '2018-02-13' });
    expect(parseCql("ec2InstanceId in ['i-abcd1234', 'i-wxyx7890']")).toEqual({
      type: 'in',
      target: { kind: 'field', field: 'ec2InstanceId' },
      negated: false,
      values: ['i-abcd1234', 'i-wxyx7890'],
    });
  });

  it('gives not precedence over and, and and over or', () => {
    const a = parseCql('attribute:a exists');
    const b = parseCql('attribute:b exists');
    const c = parseCql('attribute:c exists');
    expect(parseCql('attribute:a exists or attribute:b exists and attribute:c exists')).toEqual({
      type: 'or',
      left: a,
      right: { type: 'and', left: b, right: c },
    });
    expect(parseCql('not attribute:a exists and attribute:b exists')).toEqual({
      type: 'and',
      left: { type: 'not', operand: a },
      right: b,
    });
    expect(parseCql('(attribute:a exists || attribute:b exists) && !attribute:c exists')).toEqual({
      type: 'and',
      left: { type: 'or', left: a, right: b },
      right: { type: 'not', operand: c },
    });
  });

  it('accepts operator words, symbols and spacing alike', () => {
    const pairs: [string, string][] = [
      ['attribute:role equals webserver', 'attribute:role==webserver'],
      ['attribute:role not_equals x', 'attribute:role != x'],
      ['attribute:n greater_than 1', 'attribute:n > 1'],
      ['attribute:n greater_than_equal 1', 'attribute:n >= 1'],
      ['attribute:n less_than 1', 'attribute:n < 1'],
      ['attribute:n less_than_equal 1', 'attribute:n <= 1'],
      ['attribute:role not_exists', 'attribute:role !exists'],
      ['attribute:role not_in [a,b]', 'attribute:role !in (a, b)'],
      ['attribute:role matches web.*', 'attribute:role =~ web.*'],
      ['attribute:role not_matches web.*', 'attribute:role !~ "web.*"'],
      ['attribute:a exists and attribute:b exists', '  attribute:a exists&&attribute:b exists  '],
    ];
    for (const [words, symbols] of pairs) expect(parseCql(words)).toEqual(parseCql(symbols));
  });

  it('reads quoted values with escapes and registeredAt in every documented format', () => {
    expect(parseCql("attribute:role == 'web server'")).toMatchObject({ value: 'web server' });
    expect(parseCql("attribute:role == 'it\\'s'")).toMatchObject({ value: "it's" });
    expect(parseCql("attribute:t =~ 't2\\.(micro|small)'")).toMatchObject({
      value: 't2\\.(micro|small)',
    });
    for (const date of [
      '2018-06-18T22:28:28+00:00',
      '2018-06-18T22:28:28Z',
      '2018-06-18T22:28:28',
      '2018-06-18',
    ])
      expect(parseCql(`registeredAt >= ${date}`)).toMatchObject({ value: date });
    expect(
      parseCql('attribute:com.amazonaws.ecs.capability.docker-remote-api.1.17 exists'),
    ).toEqual({
      type: 'exists',
      target: { kind: 'attribute', name: 'com.amazonaws.ecs.capability.docker-remote-api.1.17' },
      negated: false,
    });
    expect(parseCql('attribute:role == webserver')).toMatchObject({ target: role });
  });

  it.each([
    ['', /empty/],
    ['   ', /empty/],
    ['foo == bar', /Unknown subject 'foo'/],
    ['attribute:role ==', /Expected a value after 'attribute:role ==', found the end/],
    ['attribute:role', /Expected an operator after 'attribute:role'/],
    ['== webserver', /Expected an expression/],
    ['(attribute:role == a', /Expected '\)' to close the '\(' at character 1/],
    ['attribute:role == a)', /Expected 'and', 'or' or the end, found '\)' at character 20/],
    ['attribute:role == a b', /found 'b' at character 21/],
    ['attribute:role == a and', /Expected an expression/],
    ['attribute:role =~ "t2.("', /Invalid regular expression/],
    ['runningTasksCount > many', /whole number/],
    ['registeredAt < yesterday', /date like/],
    ['registeredAt < 2018-02-30', /date like/],
    ['agentVersion >= latest', /version like/],
    ['agentConnected == maybe', /true or false/],
    ['runningTasksCount exists', /not valid for runningTasksCount/],
    ['attribute:role in a', /Expected a list/],
    ['attribute:role in [a, b', /Expected '\]'/],
    ['attribute:role in []', /Expected a value/],
    ["attribute:role == 'open", /Unterminated/],
    ['attribute:role = a', /Unexpected '='/],
    ['attribute:bad name == a', /Expected an operator/],
    ['attribute: == a', /Invalid attribute name/],
  ])('rejects %j', (source, message) => {
    expect(() => parseCql(source)).toThrow(CqlSyntaxError);
    expect(() => parseCql(source)).toThrow(message);
  });

  it('rejects nesting deeper than 100 levels but accepts 100', () => {
    const nested = (depth: number) =>
      `${'('.repeat(depth - 1)}attribute:a exists${')'.repeat(depth - 1)}`;
    expect(parseCql(nested(100))).toEqual(parseCql('attribute:a exists'));
    expect(() => parseCql(nested(101))).toThrow(/nest deeper than 100/);
    expect(() => parseCql('!'.repeat(1999))).toThrow(CqlSyntaxError);
  });

  it('rejects expressions over 2000 characters', () => {
    expect(() => parseCql(`attribute:role == ${'a'.repeat(2000)}`)).toThrow(/limit is 2000/);
  });

  it('reports the position of the problem', () => {
    try {
      parseCql('attribute:a exists and nope == 1');
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(CqlSyntaxError);
      expect((error as CqlSyntaxError).position).toBe(23);
    }
  });
});

const anyValue = fc.string({ minLength: 0, maxLength: 12 });
const attributeTarget: fc.Arbitrary<CqlTarget> = fc
  .stringMatching(/^[A-Za-z0-9\-_./@]{1,20}$/)
  .map((name) => ({ kind: 'attribute', name }));
const stringTarget: fc.Arbitrary<CqlTarget> = fc.oneof(
  attributeTarget,
  fc.constantFrom<CqlTarget>(
    { kind: 'field', field: 'ec2InstanceId' },
    { kind: 'field', field: 'task:group' },
  ),
);
const orderingLeaf = fc.oneof(
  fc.record({
    type: fc.constant('compare' as const),
    target: fc.constant<CqlTarget>({ kind: 'field', field: 'runningTasksCount' }),
    operator: fc.constantFrom('==' as const, '!=' as const, '>' as const, '<=' as const),
    value: fc.nat(99).map(String),
  }),
  fc.record({
    type: fc.constant('compare' as const),
    target: fc.constant<CqlTarget>({ kind: 'field', field: 'registeredAt' }),
    operator: fc.constantFrom('<' as const, '>=' as const),
    value: fc.constantFrom('2018-02-13', '2024-01-01T00:00:00Z', '2020-05-05T10:00:00+02:00'),
  }),
  fc.record({
    type: fc.constant('compare' as const),
    target: fc.constant<CqlTarget>({ kind: 'field', field: 'agentVersion' }),
    operator: fc.constantFrom('<' as const, '==' as const),
    value: fc.constantFrom('1.14.5', '1.90.0', '2'),
  }),
  fc.record({
    type: fc.constant('compare' as const),
    target: fc.constant<CqlTarget>({ kind: 'field', field: 'agentConnected' }),
    operator: fc.constantFrom('==' as const, '!=' as const),
    value: fc.constantFrom('true', 'false'),
  }),
);
const leaf: fc.Arbitrary<CqlExpression> = fc.oneof(
  fc.record({
    type: fc.constant('compare' as const),
    target: stringTarget,
    operator: fc.constantFrom('==' as const, '!=' as const),
    value: anyValue,
  }),
  fc.record({
    type: fc.constant('compare' as const),
    target: stringTarget,
    operator: fc.constantFrom('=~' as const, '!~' as const),
    value: fc.constantFrom('g2.*', 'web(server)?', 'a|b', '[0-9]+', ''),
  }),
  fc.record({
    type: fc.constant('in' as const),
    target: stringTarget,
    negated: fc.boolean(),
    values: fc.array(anyValue, { minLength: 1, maxLength: 3 }),
  }),
  fc.record({
    type: fc.constant('exists' as const),
    target: fc.oneof(
      attributeTarget,
      fc.constant<CqlTarget>({ kind: 'field', field: 'task:group' }),
    ),
    negated: fc.boolean(),
  }),
  orderingLeaf,
);
const { expression } = fc.letrec<{ expression: CqlExpression }>((tie) => ({
  expression: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    leaf,
    fc.record({ type: fc.constant('not' as const), operand: tie('expression') }),
    fc.record({
      type: fc.constantFrom('and' as const, 'or' as const),
      left: tie('expression'),
      right: tie('expression'),
    }),
  ),
}));

describe('printCql', () => {
  it('prints random trees to text that parses back to the same tree', () => {
    fc.assert(
      fc.property(expression, (tree) => {
        const text = printCql(tree);
        fc.pre(text.length <= 2000);
        expect(parseCql(text)).toEqual(tree);
      }),
      { numRuns: 500 },
    );
  });
});

describe('parseCql on arbitrary text', () => {
  const fragments = fc.constantFrom(
    'attribute:role',
    'task:group',
    'runningTasksCount',
    'registeredAt',
    '==',
    '!=',
    '=~',
    '!',
    'in',
    'exists',
    'and',
    'or',
    'not',
    '(',
    ')',
    '[',
    ']',
    ',',
    "'",
    '"',
    '\\',
    'webserver',
    '1',
    '2018-02-13',
    '(?',
    ' ',
  );
  const soup = fc.oneof(
    fc.string({ maxLength: 60 }),
    fc.array(fragments, { maxLength: 12 }).map((parts) => parts.join(' ')),
    fc.array(fragments, { maxLength: 12 }).map((parts) => parts.join('')),
  );

  it('either parses or throws CqlSyntaxError, never anything else', () => {
    fc.assert(
      fc.property(soup, (source) => {
        try {
          parseCql(source);
        } catch (error) {
          expect(error).toBeInstanceOf(CqlSyntaxError);
        }
      }),
      { numRuns: 2000 },
    );
  });
});
