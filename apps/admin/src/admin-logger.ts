/** The admin app's pino logger (the one createAdminApp builds), for code outside the global filter. */
export const ADMIN_LOGGER = Symbol('ADMIN_LOGGER');
