import { CreateMembers1764300000000 } from './1764300000000-CreateMembers.js';
import { CreateAuditEvents1764300000100 } from './1764300000100-CreateAuditEvents.js';
import { CreateMemberSessions1764300000200 } from './1764300000200-CreateMemberSessions.js';
import { CreateNotificationDeliveries1764300000300 } from './1764300000300-CreateNotificationDeliveries.js';
import { CreatePasswordHistory1764300000400 } from './1764300000400-CreatePasswordHistory.js';
import { CreateVerificationCodes1764300000500 } from './1764300000500-CreateVerificationCodes.js';

/** Every migration, oldest first. The schema belongs to these, never to `synchronize`. */
export const MIGRATIONS = [
  CreateMembers1764300000000,
  CreateAuditEvents1764300000100,
  CreateMemberSessions1764300000200,
  CreateNotificationDeliveries1764300000300,
  CreatePasswordHistory1764300000400,
  CreateVerificationCodes1764300000500,
];
