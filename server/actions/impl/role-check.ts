// Before a deploy: is there a connected instance the service's placement constraint can use?
import 'server-only';
import type { ActionError } from '@/lib/schemas/actions';
import type { EcsContext } from '@/server/ecs/context';
import { describeAllInstances } from '@/server/actions/impl/list-instances';

// ECS would accept the service and leave its tasks pending forever; saying so up front is kinder.
export async function missingRole(
  ctx: EcsContext,
  name: string,
  value: string,
): Promise<ActionError | null> {
  const withRole = (await describeAllInstances(ctx)).filter(
    (instance) =>
      instance.status === 'ACTIVE' &&
      instance.attributes?.some(
        (attribute) => attribute.name === name && attribute.value === value,
      ),
  );
  if (withRole.some((instance) => instance.agentConnected)) return null;
  const message = withRole.length
    ? `No connected instance has ${name}=${value}: the ${withRole.length} instance(s) with it have their agent disconnected. Reconnect one or assign the role to another`
    : `No instance has ${name}=${value}: assign the role first`;
  return {
    code: 'NoInstanceWithRole',
    message: `${message} (or deploy anyway with force; the tasks wait until an instance qualifies).`,
    field: 'roleValue',
  };
}
