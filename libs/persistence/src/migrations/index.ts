import { CreateMembers1764300000000 } from './1764300000000-CreateMembers.js';

/** Every migration, oldest first. The schema belongs to these, never to `synchronize`. */
export const MIGRATIONS = [CreateMembers1764300000000];
