// ECS's own rules for names, attributes and placement constraints, with its error names.
import { z } from 'zod';
import { parseCql } from '../cql/parse';
import { invalidParameter } from '../api/errors';
import type { PlacementConstraint } from '../store/model';

export const NAME_PATTERN = /^[A-Za-z0-9_-]{1,255}$/;
const ATTRIBUTE_NAME = /^[A-Za-z0-9_./@-]{1,128}$/;
const ATTRIBUTE_VALUE = /^[A-Za-z0-9_./@\\: -]{1,128}$/;
export const MAX_CUSTOM_ATTRIBUTES = 10;
const MAX_CONSTRAINTS = 10;
const MAX_EXPRESSION_LENGTH = 2000;

/** Attribute names ECS reserves for what the agent reports. */
export const isBuiltInAttribute = (name: string) =>
  name.startsWith('ecs.') || name.startsWith('com.amazonaws.ecs.');

export function validateAttribute(name: string, value: string | undefined): void {
  if (!ATTRIBUTE_NAME.test(name)) {
    throw invalidParameter(
      `Attribute name '${name}' is invalid. Up to 128 letters (uppercase and lowercase), numbers, hyphens, underscores, periods, at signs (@) and forward slashes are allowed.`,
    );
  }
  if (value !== undefined && (!ATTRIBUTE_VALUE.test(value) || value.trim() !== value)) {
    throw invalidParameter(
      `Attribute value '${value}' is invalid. Up to 128 letters (uppercase and lowercase), numbers, hyphens, underscores, periods, at signs (@), forward slashes, back slashes, colons and spaces are allowed; it can't start or end with a space.`,
    );
  }
}

export const placementConstraintInput = z.object({
  type: z.enum(['memberOf', 'distinctInstance']).optional(),
  expression: z.string().optional(),
});

export function validatePlacementConstraints(
  constraints: readonly z.infer<typeof placementConstraintInput>[],
  { allowDistinctInstance }: { allowDistinctInstance: boolean },
): PlacementConstraint[] {
  if (constraints.length > MAX_CONSTRAINTS) {
    throw invalidParameter(`A maximum of ${MAX_CONSTRAINTS} placement constraints is allowed.`);
  }
  return constraints.map(({ type, expression }) => {
    if (type === undefined) throw invalidParameter('Placement constraint type must be specified.');
    if (type === 'distinctInstance') {
      if (!allowDistinctInstance) {
        throw invalidParameter('distinctInstance is not a valid placement constraint type here.');
      }
      if (expression !== undefined && expression !== '') {
        throw invalidParameter(
          'Placement constraint expression is not supported for distinctInstance.',
        );
      }
      return { type };
    }
    if (expression === undefined || expression.trim() === '') {
      throw invalidParameter('Placement constraint expression must be specified for memberOf.');
    }
    if (expression.length > MAX_EXPRESSION_LENGTH) {
      throw invalidParameter(
        `Placement constraint expression is longer than ${MAX_EXPRESSION_LENGTH} characters.`,
      );
    }
    try {
      parseCql(expression);
    } catch (error) {
      throw invalidParameter(`Invalid expression '${expression}': ${(error as Error).message}`);
    }
    return { type, expression };
  });
}

export const placementStrategyInput = z.object({
  type: z.enum(['random', 'spread', 'binpack']),
  field: z.string().max(255).optional(),
});

export function validatePlacementStrategy(
  strategies: readonly z.infer<typeof placementStrategyInput>[],
): z.infer<typeof placementStrategyInput>[] {
  if (strategies.length > 5)
    throw invalidParameter('A maximum of 5 placement strategies is allowed.');
  for (const { type, field } of strategies) {
    if (type === 'random' && field !== undefined) {
      throw invalidParameter('The random placement strategy takes no field.');
    }
    if (type === 'binpack' && field !== 'cpu' && field !== 'memory') {
      throw invalidParameter(`Invalid binpack field '${field}'; use cpu or memory.`);
    }
    if (type === 'spread' && !field)
      throw invalidParameter('The spread placement strategy needs a field.');
  }
  return strategies.map((s) => ({ ...s }));
}
