// SSM CreateActivation, DescribeActivations, DeleteActivation: how external instances get registered.
import { z } from 'zod';
import { defineOperation } from '../api/operation';
import { newActivationCode, newUuid, nowEpoch } from '../store/ids';
import type { ActivationRecord } from '../store/model';
import { invalidActivationId, paginateSsm, ssmValidation } from './ssm-protocol';

const DEFAULT_LIFETIME_S = 24 * 3600;
const MAX_LIFETIME_S = 30 * 24 * 3600;

function view(activation: ActivationRecord, now: number) {
  return {
    ActivationId: activation.activationId,
    Description: activation.description,
    DefaultInstanceName: activation.defaultInstanceName,
    IamRole: activation.iamRole,
    RegistrationLimit: activation.registrationLimit,
    RegistrationsCount: activation.registrationsCount,
    ExpirationDate: activation.expirationDate,
    Expired: activation.expirationDate <= now,
    CreatedDate: activation.createdDate,
    Tags: activation.tags,
  };
}

const FILTER_FIELDS = {
  ActivationIds: (a: ActivationRecord) => a.activationId,
  DefaultInstanceName: (a: ActivationRecord) => a.defaultInstanceName,
  IamRole: (a: ActivationRecord) => a.iamRole,
} as const;

export const activationOperations = {
  CreateActivation: defineOperation(
    z.object({
      Description: z.string().max(256).optional(),
      DefaultInstanceName: z
        .string()
        .max(256)
        .regex(/^[\w.-]*$/)
        .optional(),
      IamRole: z.string().min(1).max(64),
      RegistrationLimit: z.number().int().min(1).max(1000).optional(),
      ExpirationDate: z.number().optional(),
      Tags: z
        .array(z.object({ Key: z.string().min(1).max(128), Value: z.string().max(256) }))
        .max(1000)
        .optional(),
    }),
    (input, { store }) => {
      const now = nowEpoch();
      const expirationDate = input.ExpirationDate ?? now + DEFAULT_LIFETIME_S;
      if (expirationDate <= now || expirationDate > now + MAX_LIFETIME_S) {
        throw ssmValidation('ExpirationDate must be in the future and at most 30 days from now.');
      }
      return store.mutate((state) => {
        const activation: ActivationRecord = {
          activationId: newUuid(),
          activationCode: newActivationCode(),
          description: input.Description,
          defaultInstanceName: input.DefaultInstanceName,
          iamRole: input.IamRole,
          registrationLimit: input.RegistrationLimit ?? 1,
          registrationsCount: 0,
          expirationDate,
          createdDate: now,
          tags: input.Tags ?? [],
        };
        state.activations[activation.activationId] = activation;
        return { ActivationId: activation.activationId, ActivationCode: activation.activationCode };
      });
    },
  ),
  DescribeActivations: defineOperation(
    z.object({
      Filters: z
        .array(
          z.object({
            FilterKey: z.enum(['ActivationIds', 'DefaultInstanceName', 'IamRole']),
            FilterValues: z.array(z.string()).optional(),
          }),
        )
        .optional(),
      MaxResults: z.number().int().min(1).max(50).optional(),
      NextToken: z.string().max(4096).optional(),
    }),
    (input, { store }) => {
      const now = nowEpoch();
      const items = Object.values(store.state.activations)
        .filter((a) =>
          (input.Filters ?? []).every(
            (f) => !f.FilterValues || f.FilterValues.includes(FILTER_FIELDS[f.FilterKey](a) ?? ''),
          ),
        )
        .sort((a, b) => a.createdDate - b.createdDate)
        .map((a) => view(a, now));
      const { page, nextToken } = paginateSsm(items, input);
      return { ActivationList: page, NextToken: nextToken };
    },
  ),
  DeleteActivation: defineOperation(
    z.object({ ActivationId: z.string() }),
    ({ ActivationId }, { store }) =>
      store.mutate((state) => {
        if (!state.activations[ActivationId]) throw invalidActivationId(ActivationId);
        delete state.activations[ActivationId];
        return {};
      }),
  ),
};
