import { CreateMembers1764300000000 } from './1764300000000-CreateMembers.js';
import { CreateAuditEvents1764300000100 } from './1764300000100-CreateAuditEvents.js';
import { CreateMemberSessions1764300000200 } from './1764300000200-CreateMemberSessions.js';
import { CreateNotificationDeliveries1764300000300 } from './1764300000300-CreateNotificationDeliveries.js';
import { CreatePasswordHistory1764300000400 } from './1764300000400-CreatePasswordHistory.js';
import { CreateVerificationCodes1764300000500 } from './1764300000500-CreateVerificationCodes.js';
import { CreateDocuments1764300000600 } from './1764300000600-CreateDocuments.js';
import { CreateInquiries1764300000700 } from './1764300000700-CreateInquiries.js';
import { CreateReviewers1764300000800 } from './1764300000800-CreateReviewers.js';
import { CreateReviewerSessions1764300000900 } from './1764300000900-CreateReviewerSessions.js';
import { CreateLoginIdChangeReverts1764300001000 } from './1764300001000-CreateLoginIdChangeReverts.js';
import { CreateRequiredInfoApplications1764300001100 } from './1764300001100-CreateRequiredInfoApplications.js';
import { CreateApplicationEvents1764300001200 } from './1764300001200-CreateApplicationEvents.js';
import { KeyedActivityOutcomes1764410000000 } from './1764410000000-KeyedActivityOutcomes.js';
import { AddFourEyesToApplications1764420000010 } from './1764420000010-AddFourEyesToApplications.js';
import { AddPasswordResetRequiredToMembers1764430000000 } from './1764430000000-AddPasswordResetRequiredToMembers.js';
import { AddMobilePhoneChangedAtToMembers1764430000010 } from './1764430000010-AddMobilePhoneChangedAtToMembers.js';
import { CreatePasswordResetTokens1764430000020 } from './1764430000020-CreatePasswordResetTokens.js';
import { CreateLoginIdReservations1764430000030 } from './1764430000030-CreateLoginIdReservations.js';
import { AddInquiryRepliesAndStatus1764450000000 } from './1764450000000-AddInquiryRepliesAndStatus.js';
import { CreateReviewerPasswordLinks1764450000100 } from './1764450000100-CreateReviewerPasswordLinks.js';
import { AddAuditEventSearchIndexes1764450000200 } from './1764450000200-AddAuditEventSearchIndexes.js';
import { WidenApplicationStatusColumns1764450000300 } from './1764450000300-WidenApplicationStatusColumns.js';
import { CreateUnreferencedDocumentKeys1764450000400 } from './1764450000400-CreateUnreferencedDocumentKeys.js';
import { CreateLoginIdChangeRevertTokens1764460000000 } from './1764460000000-CreateLoginIdChangeRevertTokens.js';

/** Every migration, oldest first. The schema belongs to these, never to `synchronize`. */
export const MIGRATIONS = [
  CreateMembers1764300000000,
  CreateAuditEvents1764300000100,
  CreateMemberSessions1764300000200,
  CreateNotificationDeliveries1764300000300,
  CreatePasswordHistory1764300000400,
  CreateVerificationCodes1764300000500,
  CreateDocuments1764300000600,
  CreateInquiries1764300000700,
  CreateReviewers1764300000800,
  CreateReviewerSessions1764300000900,
  CreateLoginIdChangeReverts1764300001000,
  CreateRequiredInfoApplications1764300001100,
  CreateApplicationEvents1764300001200,
  KeyedActivityOutcomes1764410000000,
  AddFourEyesToApplications1764420000010,
  AddPasswordResetRequiredToMembers1764430000000,
  AddMobilePhoneChangedAtToMembers1764430000010,
  CreatePasswordResetTokens1764430000020,
  CreateLoginIdReservations1764430000030,
  AddInquiryRepliesAndStatus1764450000000,
  CreateReviewerPasswordLinks1764450000100,
  AddAuditEventSearchIndexes1764450000200,
  WidenApplicationStatusColumns1764450000300,
  CreateUnreferencedDocumentKeys1764450000400,
  CreateLoginIdChangeRevertTokens1764460000000,
];
