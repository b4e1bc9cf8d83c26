// Evaluates a parsed cluster-query-language expression against one container instance.
import type { CqlComparisonOperator, CqlExpression, CqlSubject, CqlTarget } from './ast';
import { compareVersions, compileCqlPattern, parseCqlCount, parseCqlDate } from './values';

type Order = (value: string, argument: string) => number | undefined;

const compareStrings = (value: string, argument: string) =>
  value < argument ? -1 : value > argument ? 1 : 0;

// Attributes compare as numbers when both sides are numbers, otherwise as strings.
const compareAttribute: Order = (value, argument) => {
  const left = Number(value);
  const right = Number(argument);
  if (value.trim() !== '' && argument.trim() !== '' && !Number.isNaN(left) && !Number.isNaN(right))
    return Math.sign(left - right);
  return compareStrings(value, argument);
};

function holds(operator: CqlComparisonOperator, order: number): boolean {
  switch (operator) {
    case '==':
      return order === 0;
    case '>':
      return order > 0;
    case '>=':
      return order >= 0;
    case '<':
      return order < 0;
    case '<=':
      return order <= 0;
    default:
      return false;
  }
}

/** The values the target has on this instance: none when absent, several for task:group. */
function valuesOf(target: CqlTarget, subject: CqlSubject): readonly (string | null)[] {
  if (target.kind === 'attribute') {
    const value = subject.attributes[target.name];
    return value === undefined ? [] : [value];
  }
  switch (target.field) {
    case 'agentConnected':
      return [String(subject.agentConnected)];
    case 'agentVersion':
      return subject.agentVersion === undefined ? [] : [subject.agentVersion];
    case 'ec2InstanceId':
      return [subject.ec2InstanceId];
    case 'registeredAt':
      return [String(subject.registeredAt)];
    case 'runningTasksCount':
      return [String(subject.runningTasksCount)];
    case 'task:group':
      return subject.taskGroups;
  }
}

function orderFor(target: CqlTarget): Order {
  if (target.kind === 'attribute') return compareAttribute;
  switch (target.field) {
    case 'agentVersion':
      return compareVersions;
    case 'registeredAt':
      return (value, argument) => {
        const date = parseCqlDate(argument);
        return date === undefined ? undefined : Math.sign(Number(value) - date);
      };
    case 'runningTasksCount':
      return (value, argument) => {
        const count = parseCqlCount(argument);
        return count === undefined ? undefined : Math.sign(Number(value) - count);
      };
    default:
      return compareStrings;
  }
}

// "==" is string equality on attributes (per the ECS guide); typed fields compare by their type.
function equalityFor(target: CqlTarget): Order {
  return target.kind === 'attribute' ? compareStrings : orderFor(target);
}

// A negated operator is the negation of its positive form, so on a missing attribute `!=` is
// true; for task:group the positive form asks whether ANY task on the instance matches.
function matchesPositive(
  target: CqlTarget,
  subject: CqlSubject,
  test: (value: string) => boolean,
): boolean {
  return valuesOf(target, subject).some((value) => test(value ?? ''));
}

export function matchesCql(expression: CqlExpression, subject: CqlSubject): boolean {
  switch (expression.type) {
    case 'or':
      return matchesCql(expression.left, subject) || matchesCql(expression.right, subject);
    case 'and':
      return matchesCql(expression.left, subject) && matchesCql(expression.right, subject);
    case 'not':
      return !matchesCql(expression.operand, subject);
    case 'exists':
      return valuesOf(expression.target, subject).length > 0 !== expression.negated;
    case 'in': {
      const order = equalityFor(expression.target);
      const found = matchesPositive(expression.target, subject, (value) =>
        expression.values.some((argument) => order(value, argument) === 0),
      );
      return found !== expression.negated;
    }
    case 'compare': {
      const { operator, target, value: argument } = expression;
      if (operator === '=~' || operator === '!~') {
        const pattern = compileCqlPattern(argument);
        return (
          matchesPositive(target, subject, (value) => pattern.test(value)) === (operator === '=~')
        );
      }
      if (operator === '!=' || operator === '==') {
        const equal = equalityFor(target);
        const found = matchesPositive(target, subject, (value) => equal(value, argument) === 0);
        return found === (operator === '==');
      }
      const order = orderFor(target);
      return matchesPositive(target, subject, (value) => {
        const result = order(value, argument);
        return result !== undefined && holds(operator, result);
      });
    }
  }
}

/** Whether the expression's result can change as tasks are placed (it reads task:group or runningTasksCount). */
export function dependsOnTasks(expression: CqlExpression): boolean {
  switch (expression.type) {
    case 'or':
    case 'and':
      return dependsOnTasks(expression.left) || dependsOnTasks(expression.right);
    case 'not':
      return dependsOnTasks(expression.operand);
    default:
      return (
        expression.target.kind === 'field' &&
        (expression.target.field === 'task:group' ||
          expression.target.field === 'runningTasksCount')
      );
  }
}
