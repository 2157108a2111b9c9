import { AuthorizeResult, PolicyDecision } from '@backstage/plugin-permission-common';
import { PermissionPolicy, PolicyQuery, PolicyQueryUser } from '@backstage/plugin-permission-node';
import { CccPermissionDecider } from './CccPermissionDecider';

/** What the ready policy answers for permissions of other plugins. */
export type FallbackDecision = 'allow' | 'deny';

/**
 * A complete policy for adopters who have none of their own: the CCC's
 * permissions by role, every other plugin's by a fixed fallback.
 */
export class CccPermissionPolicy implements PermissionPolicy {
  constructor(
    private readonly decider: CccPermissionDecider,
    private readonly fallback: FallbackDecision = 'allow',
  ) {}

  async handle(request: PolicyQuery, user?: PolicyQueryUser): Promise<PolicyDecision> {
    const decision = await this.decider.decide(request, user);
    if (decision) return decision;
    return { result: this.fallback === 'allow' ? AuthorizeResult.ALLOW : AuthorizeResult.DENY };
  }
}
