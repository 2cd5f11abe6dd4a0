import { targetCnameRule } from './target-cname.js';

export const srvTargetCname = targetCnameRule('SRV');
