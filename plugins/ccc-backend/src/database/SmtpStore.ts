/** A stored mail server, password still sealed. */
export interface SmtpServerRecord {
  id: string;
  name: string;
  host: string;
  port: number;
  username: string | null;
  passwordSealed: string | null;
  sender: string;
  recipient: string;
  noTls: boolean;
  isDefault: boolean;
  createdAt: string;
  updatedAt: string;
}

/** Persistence of mail servers and their assignment to systems. */
export interface SmtpStore {
  /** All servers by name, each with the number of systems using it (assigned, or by default). */
  list(): Promise<Array<SmtpServerRecord & { systemCount: number }>>;
  get(id: string): Promise<SmtpServerRecord | undefined>;
  getDefault(): Promise<SmtpServerRecord | undefined>;
  insert(record: SmtpServerRecord): Promise<void>;
  update(id: string, patch: Partial<Omit<SmtpServerRecord, 'id' | 'createdAt'>>): Promise<void>;
  /** Makes `id` the only default server. */
  setDefault(id: string): Promise<void>;
  delete(id: string): Promise<boolean>;
  /** How many systems have this server assigned. */
  countAssigned(id: string): Promise<number>;
  /** How many systems have no assignment (they use the default server). */
  countUnassignedSystems(): Promise<number>;
  /** Which of the given systems have a server of their own. */
  assignedSystems(systemIds: string[]): Promise<Set<string>>;
  /** The server assigned to a system, if any. */
  getAssigned(systemId: string): Promise<SmtpServerRecord | undefined>;
  assign(systemId: string, serverId: string, assignedBy: string, at: string): Promise<void>;
  unassign(systemId: string): Promise<boolean>;
}
