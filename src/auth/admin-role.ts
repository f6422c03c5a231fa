import { hasRole } from '../es/index.js';

/** The operators' role: fees, blocked products, the challenge lifecycle, arena weeks, the event browser. */
export const ADMIN_ROLE = 'admin';

export const admin = hasRole(ADMIN_ROLE);
