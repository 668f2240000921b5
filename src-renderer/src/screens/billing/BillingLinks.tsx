import { useSession } from '../../stores/session';
import { billingHref } from './route';
import { useTranslation } from '../../i18n';

/** The billing area's own pages, under its heading. */
export function BillingLinks({ current }: { current: 'drawer' | 'journal' | 'setup' | 'claims' | 'ageing' }) {
  const { t } = useTranslation('billing');
  const canManage = useSession((state) => state.can('settings:manage'));
  const canClaims = useSession((state) => state.can('billing:claims'));
  const links = [
    { key: 'drawer', href: billingHref.drawer(), label: t('BillingLinks.drawer') },
    { key: 'journal', href: billingHref.journal(), label: t('BillingLinks.paymentsJournal') },
    { key: 'ageing', href: billingHref.ageing(), label: t('BillingLinks.arAgeing') },
    ...(canClaims ? [{ key: 'claims', href: billingHref.claims(), label: t('BillingLinks.claims') }] : []),
    ...(canManage ? [{ key: 'setup', href: billingHref.setup(), label: t('BillingLinks.billingSetUp') }] : []),
  ];
  return (
    <nav aria-label={t('BillingLinks.billing')} className="billing-links">
      {links.map((link) => (
        <a key={link.key} href={link.href} aria-current={link.key === current ? 'page' : undefined}>
          {link.label}
        </a>
      ))}
    </nav>
  );
}
