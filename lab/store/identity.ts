// The lab's AWS identity (region, account) and the ARNs it builds from it, in ECS's own formats.

export interface LabIdentity {
  region: string;
  accountId: string;
}

export function ecsArn(identity: LabIdentity, resource: string): string {
  return `arn:aws:ecs:${identity.region}:${identity.accountId}:${resource}`;
}

export const arns = {
  cluster: (identity: LabIdentity, cluster: string) => ecsArn(identity, `cluster/${cluster}`),
  containerInstance: (identity: LabIdentity, cluster: string, id: string) =>
    ecsArn(identity, `container-instance/${cluster}/${id}`),
  task: (identity: LabIdentity, cluster: string, id: string) =>
    ecsArn(identity, `task/${cluster}/${id}`),
  container: (identity: LabIdentity, cluster: string, taskId: string, id: string) =>
    ecsArn(identity, `container/${cluster}/${taskId}/${id}`),
  service: (identity: LabIdentity, cluster: string, name: string) =>
    ecsArn(identity, `service/${cluster}/${name}`),
  taskDefinition: (identity: LabIdentity, family: string, revision: number) =>
    ecsArn(identity, `task-definition/${family}:${revision}`),
  iamRoot: (identity: LabIdentity) => `arn:aws:iam::${identity.accountId}:root`,
};

export interface ParsedEcsArn {
  region: string;
  accountId: string;
  resourceType: string;
  /** The part after `<type>/`, e.g. `CLUSTER/ID` or `FAMILY:3`. */
  resource: string;
}

export function parseEcsArn(value: string): ParsedEcsArn | undefined {
  const match = /^arn:aws[a-z-]*:ecs:([a-z0-9-]+):(\d{12}):([a-z-]+)\/(.+)$/.exec(value);
  if (!match) return undefined;
  return { region: match[1]!, accountId: match[2]!, resourceType: match[3]!, resource: match[4]! };
}
