// The memberOf placement constraint that pins a service to instances with one attribute value.
import type { TaskDefinitionPlacementConstraint } from '@aws-sdk/client-ecs';

export function attributeConstraint(
  name: string,
  value: string,
): TaskDefinitionPlacementConstraint {
  return { type: 'memberOf', expression: `attribute:${name} == ${value}` };
}
