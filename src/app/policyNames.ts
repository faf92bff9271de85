// Short names of the migration policies, for the picker, legends and tables (POLICY_TEXT has the one-line descriptions).
import type { PolicyName } from '../model/index.ts';

export const POLICY_NAME: Record<PolicyName, string> = {
  xen: 'Xen 3.x (Akoush)',
  'xen-v2': 'Xen migration v2',
  qemu: 'QEMU/KVM',
  postcopy: 'Post-copy',
  hybrid: 'Hybrid',
};

/** Dash pattern of a policy's curve when policies are compared (the scenario's own policy is solid). */
export const POLICY_DASH: Record<PolicyName, string> = {
  xen: '14 4',
  'xen-v2': '6 3',
  qemu: '2 3',
  postcopy: '10 3 2 3',
  hybrid: '4 2 1 2',
};

/** Eq. 3 and 4 (Akoush) bound Xen's pre-copy; other pre-copy policies get them as a reference only. */
export function boundsApply(policy: PolicyName): 'yes' | 'reference' | 'no' {
  if (policy === 'xen') return 'yes';
  return policy === 'postcopy' || policy === 'hybrid' ? 'no' : 'reference';
}
