// Every operation the lab serves, by X-Amz-Target, with the SigV4 signing name and validation error of its service.
import { attributeOperations } from '../ecs/attributes';
import { clusterOperations } from '../ecs/clusters';
import { containerInstanceOperations } from '../ecs/container-instances';
import { serviceOperations } from '../ecs/services';
import { tagOperations } from '../ecs/tags';
import { taskDefinitionOperations } from '../ecs/task-definitions';
import { taskOperations } from '../ecs/tasks';
import { activationOperations } from '../ssm/activations';
import { instanceInformationOperations } from '../ssm/instance-information';
import type { Operation } from './operation';

export interface ServiceProtocol {
  signingName: string;
  /** The error name for input that fails its schema. */
  validationError: string;
  serverError: string;
  operations: Record<string, Operation>;
}

export const services: Record<string, ServiceProtocol> = {
  AmazonEC2ContainerServiceV20141113: {
    signingName: 'ecs',
    validationError: 'InvalidParameterException',
    serverError: 'ServerException',
    operations: {
      ...clusterOperations,
      ...containerInstanceOperations,
      ...attributeOperations,
      ...taskDefinitionOperations,
      ...serviceOperations,
      ...taskOperations,
      ...tagOperations,
    },
  },
  AmazonSSM: {
    signingName: 'ssm',
    validationError: 'ValidationException',
    serverError: 'InternalServerError',
    operations: { ...instanceInformationOperations, ...activationOperations },
  },
};

export function lookupTarget(
  target: string,
): { service: ServiceProtocol; operation: Operation | undefined } | undefined {
  const [prefix, name] = target.split('.');
  const service = prefix ? services[prefix] : undefined;
  if (!service || name === undefined) return undefined;
  return {
    service,
    operation: Object.hasOwn(service.operations, name) ? service.operations[name] : undefined,
  };
}
