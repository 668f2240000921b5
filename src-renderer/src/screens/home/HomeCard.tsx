import type { ReactNode } from 'react';
import { useTranslation } from '../../i18n';

/** One list on a role's home: a heading with its count, the rows, and a link to the whole screen. */
export function HomeCard({
  id,
  title,
  count,
  error,
  loading,
  empty,
  more,
  className,
  children,
}: {
  id: string;
  /** Beside `card home-card`. */
  className?: string;
  title: string;
  count?: number;
  error?: string | undefined;
  loading: boolean;
  /** Said when there are no rows (`count` 0). */
  empty?: string;
  more?: { href: string; label: string };
  children: ReactNode;
}) {
  const { t } = useTranslation('home');
  return (
    <section className={className ? `card home-card ${className}` : 'card home-card'} aria-labelledby={id}>
      <h2 id={id}>
        {title}
        {count !== undefined && !loading && <span className="home-count">{count}</span>}
      </h2>
      {error ? (
        <p className="form-error">{error}</p>
      ) : loading ? (
        <p className="muted">{t('loading')}</p>
      ) : count === 0 && empty ? (
        <p className="muted">{empty}</p>
      ) : (
        <ul className="plain home-list">{children}</ul>
      )}
      {more && (
        <a className="home-more" href={more.href}>
          {more.label}
        </a>
      )}
    </section>
  );
}
