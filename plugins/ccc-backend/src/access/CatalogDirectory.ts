import { AuthService } from '@backstage/backend-plugin-api';
import { CatalogService } from '@backstage/plugin-catalog-node';

/** Whether users and groups exist: grants and memberships may only name real ones. */
export interface Directory {
  /** True when the catalog has a User or Group entity with this ref. */
  exists(entityRef: string): Promise<boolean>;
}

/** {@link Directory} backed by the software catalog. */
export class CatalogDirectory implements Directory {
  constructor(
    private readonly catalog: CatalogService,
    private readonly auth: AuthService,
  ) {}

  async exists(entityRef: string): Promise<boolean> {
    const entity = await this.catalog.getEntityByRef(entityRef, {
      credentials: await this.auth.getOwnServiceCredentials(),
    });
    const kind = entity?.kind.toLocaleLowerCase('en-US');
    return kind === 'user' || kind === 'group';
  }
}
