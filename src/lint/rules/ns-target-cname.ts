import { targetCnameRule } from './target-cname.js';

export const nsTargetCname = targetCnameRule('NS');
