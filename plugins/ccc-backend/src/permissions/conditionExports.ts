import { createConditionExports } from '@backstage/plugin-permission-node';
import { cccSystemResourceRef } from './resourceRef';
import { cccSystemRules } from './rules';

const exported = createConditionExports({ resourceRef: cccSystemResourceRef, rules: cccSystemRules });

/** Condition factories for policies: `cccSystemConditions.hasSystemRole({ roles, claims })`. */
export const cccSystemConditions = exported.conditions;

/** Wraps CCC conditions into a conditional policy decision. */
export const createCccSystemConditionalDecision = exported.createConditionalDecision;
