import { targetCnameRule } from './target-cname.js';

export const mxTargetCname = targetCnameRule('MX');
