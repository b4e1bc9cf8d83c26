// Prints a cluster-query-language expression back to source text that parses to the same tree.
import type { CqlExpression } from './ast';
import { targetLabel } from './parse';

const bareValue = /^[^\s()[\],'"=!<>&|~]+$/;

function printValue(value: string): string {
  return bareValue.test(value) ? value : `'${value.replace(/[\\']/g, (char) => `\\${char}`)}'`;
}

function group(expression: CqlExpression): string {
  const text = printCql(expression);
  return expression.type === 'or' || expression.type === 'and' ? `(${text})` : text;
}

export function printCql(expression: CqlExpression): string {
  switch (expression.type) {
    case 'or':
      return `${group(expression.left)} or ${group(expression.right)}`;
    case 'and':
      return `${group(expression.left)} and ${group(expression.right)}`;
    case 'not':
      return `not ${group(expression.operand)}`;
    case 'exists':
      return `${targetLabel(expression.target)} ${expression.negated ? '!exists' : 'exists'}`;
    case 'in':
      return `${targetLabel(expression.target)} ${expression.negated ? '!in' : 'in'} [${expression.values.map(printValue).join(', ')}]`;
    case 'compare':
      return `${targetLabel(expression.target)} ${expression.operator} ${printValue(expression.value)}`;
  }
}
