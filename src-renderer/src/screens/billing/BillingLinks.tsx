import { useSession } from '../../stores/session';
import { billingHref } from './route';

/** The billing area's own pages, under its heading. */
export function BillingLinks({ current }: { current: 'drawer' | 'journal' | 'setup' | 'claims' | 'ageing' }) {
  const canManage = useSession((state) => state.can('settings:manage'));
  const canClaims = useSession((state) => state.can('billing:claims'));
  const links = [
    { key: 'drawer', href: billingHref.drawer(), label: 'Drawer' },
    { key: 'journal', href: billingHref.journal(), label: 'Payments journal' },
    { key: 'ageing', href: billingHref.ageing(), label: 'A/R ageing' },
    ...(canClaims ? [{ key: 'claims', href: billingHref.claims(), label: 'Claims' }] : []),
    ...(canManage ? [{ key: 'setup', href: billingHref.setup(), label: 'Billing set-up' }] : []),
  ];
  return (
    <nav aria-label="Billing" className="billing-links">
      {links.map((link) => (
        <a key={link.key} href={link.href} aria-current={link.key === current ? 'page' : undefined}>
          {link.label}
        </a>
      ))}
    </nav>
  );
}
