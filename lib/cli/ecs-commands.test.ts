import { describe, expect, it } from 'vitest';
import {
  createServiceCli,
  deregisterContainerInstanceCli,
  putAttributesCli,
  registerTaskDefinitionCli,
  stopTaskCli,
} from '@/lib/cli/ecs-commands';
import { deployWhoamiInput } from '@/lib/schemas/actions';
import { whoamiTaskDefinition } from '@/lib/templates/whoami';

const arn = 'arn:aws:ecs:us-east-1:000000000000:container-instance/anywhere-lab/0123abcd';

describe('ECS CLI equivalents', () => {
  it('renders put-attributes in the scenario shorthand, one argument per instance', () => {
    expect(
      putAttributesCli('anywhere-lab', [
        { name: 'role', value: 'webserver', targetId: arn },
        { name: 'role', value: 'webserver', targetId: `${arn}9` },
      ]),
    ).toBe(
      `aws ecs put-attributes --cluster anywhere-lab --attributes name=role,value=webserver,targetType=container-instance,targetId=${arn} name=role,value=webserver,targetType=container-instance,targetId=${arn}9`,
    );
  });

  it('renders a task definition as single-quoted --cli-input-json that parses back', () => {
    const definition = whoamiTaskDefinition(deployWhoamiInput.parse({}));
    const line = registerTaskDefinitionCli(definition);
    const match = /^aws ecs register-task-definition --cli-input-json '(.*)'$/.exec(line);
    expect(match).not.toBeNull();
    expect(JSON.parse(match![1]!)).toEqual(definition);
  });

  it('renders services, tasks and instances with their real values', () => {
    expect(
      createServiceCli({
        cluster: 'anywhere-lab',
        service: 'Whoami',
        taskDefinition: 'Whoami:2',
        desiredCount: 4,
      }),
    ).toBe(
      'aws ecs create-service --cluster anywhere-lab --service-name Whoami --task-definition Whoami:2 --desired-count 4 --launch-type EXTERNAL',
    );
    expect(stopTaskCli('anywhere-lab', 'abc', "admin's test")).toBe(
      `aws ecs stop-task --cluster anywhere-lab --task abc --reason 'admin'\\''s test'`,
    );
    expect(deregisterContainerInstanceCli('anywhere-lab', arn)).toBe(
      `aws ecs deregister-container-instance --cluster anywhere-lab --container-instance ${arn} --force`,
    );
  });
});
