// SSM DescribeInstanceInformation: the lab's managed (mi-) instances, their addresses and ping status.
import { z } from 'zod';
import { AwsError } from '../api/errors';
import { defineOperation } from '../api/operation';
import type { ManagedInstanceRecord } from '../store/model';
import { paginateSsm, ssmValidation } from './ssm-protocol';

const FILTER_KEYS = [
  'InstanceIds',
  'AgentVersion',
  'PingStatus',
  'PlatformTypes',
  'ActivationIds',
  'IamRole',
  'ResourceType',
  'AssociationStatus',
] as const;

type FilterKey = (typeof FILTER_KEYS)[number];

function view(instance: ManagedInstanceRecord) {
  return {
    InstanceId: instance.instanceId,
    PingStatus: instance.online ? 'Online' : 'ConnectionLost',
    LastPingDateTime: instance.lastPingAt,
    AgentVersion: instance.agentVersion,
    IsLatestVersion: true,
    PlatformType: 'Linux',
    PlatformName: 'Debian GNU/Linux',
    PlatformVersion: '12',
    ActivationId: instance.activationId,
    IamRole: instance.iamRole,
    RegistrationDate: instance.registrationDate,
    ResourceType: 'ManagedInstance',
    Name: instance.computerName,
    IPAddress: instance.ipAddress,
    ComputerName: instance.computerName,
    SourceId: instance.instanceId,
    SourceType: 'AWS::SSM::ManagedInstance',
  };
}

type InstanceView = ReturnType<typeof view>;

const FIELD: Record<FilterKey, (i: InstanceView) => string | undefined> = {
  InstanceIds: (i) => i.InstanceId,
  AgentVersion: (i) => i.AgentVersion,
  PingStatus: (i) => i.PingStatus,
  PlatformTypes: (i) => i.PlatformType,
  ActivationIds: (i) => i.ActivationId,
  IamRole: (i) => i.IamRole,
  ResourceType: (i) => i.ResourceType,
  AssociationStatus: () => undefined,
};

const values = z.array(z.string().min(1).max(256)).min(1).max(100);

export const instanceInformationOperations = {
  DescribeInstanceInformation: defineOperation(
    z.object({
      InstanceInformationFilterList: z
        .array(z.object({ key: z.string(), valueSet: values }))
        .max(20)
        .optional(),
      Filters: z
        .array(z.object({ Key: z.string().min(1).max(200), Values: values }))
        .max(20)
        .optional(),
      MaxResults: z.number().int().min(5).max(50).optional(),
      NextToken: z.string().max(4096).optional(),
    }),
    (input, { store }) => {
      if (input.InstanceInformationFilterList && input.Filters) {
        throw ssmValidation('InstanceInformationFilterList and Filters cannot be used together.');
      }
      const filters = [
        ...(input.InstanceInformationFilterList ?? []).map((f) => ({
          key: f.key,
          values: f.valueSet,
        })),
        ...(input.Filters ?? []).map((f) => ({ key: f.Key, values: f.Values })),
      ].map(({ key, values: accepted }) => {
        const field = (FILTER_KEYS as readonly string[]).includes(key)
          ? FIELD[key as FilterKey]
          : undefined;
        if (!field)
          throw new AwsError('InvalidInstanceInformationFilterValue', `Invalid filter key: ${key}`);
        return (item: InstanceView) => accepted.includes(field(item) ?? '');
      });
      const items = Object.values(store.state.managedInstances)
        .sort((a, b) => a.registrationDate - b.registrationDate)
        .map(view)
        .filter((item) => filters.every((matches) => matches(item)));
      const { page, nextToken } = paginateSsm(items, input);
      return { InstanceInformationList: page, NextToken: nextToken };
    },
  ),
};
