// The admin app's browser pages live outside the JSON API prefix (/admin/api/v1). Nest matches
// these patterns against every controller's route, so a page must not share its path with an
// API controller route (API controllers are relative to the prefix: `applications/:id` there
// would collide with a page at `/applications/:id`).

/** Page routes served without the /admin/api/v1 prefix (add new pages here). */
export const PAGE_ROUTES: readonly string[] = [
  '/',
  'login',
  'logout',
  'queue',
  'queue/:id',
  'queue/:id/claim',
  'queue/:id/release',
  'queue/:id/approve',
  'queue/:id/reject',
  'queue/:id/request-info',
  'queue/:id/reassign',
  'assets/admin.css',
  // The review desk (desk-pages.controller.ts, set-password-pages.controller.ts).
  'accounts',
  'accounts/:id',
  'accounts/:id/password-reset',
  'inbox',
  'inbox/:id',
  'inbox/:id/attachments/:documentId',
  'inbox/:id/replies',
  'inbox/:id/close',
  'audit',
  'lookup',
  'lookup/:id',
  'set-password',
  'language',
];

/** Path prefixes whose forms post application/x-www-form-urlencoded (parsed only there). */
export const FORM_POST_PATHS: readonly string[] = ['/login', '/logout', '/queue', '/accounts', '/inbox', '/set-password', '/language'];
