// Tells custom attributes (roles and the like) from the ones ECS and the agent set themselves.
import type { Attribute } from '@/lib/schemas/snapshot';

export function isCustomAttribute(attribute: Attribute): boolean {
  return !attribute.name.startsWith('ecs.') && !attribute.name.startsWith('com.amazonaws.');
}
