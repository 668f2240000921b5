import { useEffect, useId, useRef, useState } from 'react';
import type { NotificationView } from '../../../../src-shared/api/areas/notifications';
import { call } from '../../api';
import { useProcedure } from '../../hooks/useProcedure';
import { i18next, useTranslation } from '../../i18n';
import { useCalendarDate } from '../../format/calendar-date';
import { useShortDateTime } from '../tasks/task-labels';
import { BellPreferences } from './BellPreferences';
import './notifications.css';

/** What one notification says, in a line (a conflict's kind in the conflicts' words). */
function describe(
  item: NotificationView,
  when: (ms: number) => string,
  showDate: (iso: string | null) => string,
): string {
  const subject =
    item.kind === 'conflict' ? i18next.t(`conflicts:kinds.${item.subject as 'double_booking'}`) : item.subject;
  const text = i18next.t(`notifications:kinds.${item.kind}`, {
    subject,
    onHand: item.stock?.onHand ?? 0,
    reorderLevel: item.stock?.reorderLevel ?? 0,
  });
  if (item.on !== null) {
    const key = item.kind === 'stock_expiring' ? 'notifications:expires' : 'notifications:targetWas';
    return `${text} (${i18next.t(key, { date: showDate(item.on) })})`;
  }
  if (item.at === null) return text;
  const at = when(item.at);
  if (item.kind === 'reminder_failed') return `${text} (${i18next.t('notifications:appointmentAt', { when: at })})`;
  if (item.kind === 'conflict') return `${text} (${i18next.t('notifications:found', { when: at })})`;
  return `${text} (${i18next.t('notifications:due', { when: at })})`;
}

/**
 * The header's bell: a count of what is new for the signed-in person and, opened, the list with links.
 * It lives in the app frame, which is unmounted whole while the screen is locked, so nothing of it (a task
 * title may name a patient) is on screen then; main refuses the read as well. Re-read on the events that
 * change what it derives from, and at the instant the next task (or referral) falls overdue.
 */
export function NotificationBell() {
  const { t } = useTranslation('notifications');
  const when = useShortDateTime();
  const showDate = useCalendarDate();
  const listId = useId();
  const [open, setOpen] = useState(false);
  const [failed, setFailed] = useState<string | null>(null);
  const button = useRef<HTMLButtonElement>(null);
  const read = useProcedure(
    'notifications.list',
    {},
    {
      refreshOn: {
        'tasks.changed': true,
        'referrals.changed': true,
        'reminders.changed': true,
        'stock.changed': true,
        'conflicts.changed': true,
        'sync.changed': true,
        'users.changed': true,
      },
    },
  );
  const { reload } = read;
  const nextChangeAt = read.value?.nextChangeAt ?? null;
  useEffect(() => {
    if (nextChangeAt === null) return;
    // setTimeout holds at most about 24.8 days; a later due time is re-read by some event long before.
    const wait = Math.min(Math.max(nextChangeAt - Date.now(), 0) + 50, 2 ** 31 - 1);
    const timer = setTimeout(reload, wait);
    return () => clearTimeout(timer);
  }, [nextChangeAt, reload]);

  const items = read.value?.items ?? [];
  const unread = read.value?.unread ?? 0;

  async function markRead(keys: string[]) {
    if (keys.length === 0) return;
    const result = await call('notifications.markRead', { keys });
    setFailed(result.ok ? null : result.error.message);
    reload();
  }

  function close() {
    setOpen(false);
    button.current?.focus();
  }

  return (
    <div className="bell">
      <button
        ref={button}
        type="button"
        className="bell-button"
        aria-expanded={open}
        aria-controls={open ? listId : undefined}
        aria-label={unread > 0 ? t('Bell.buttonUnread', { count: unread }) : t('Bell.button')}
        onClick={() => setOpen(!open)}
      >
        <svg className="bell-icon" viewBox="0 0 24 24" width="18" height="18" aria-hidden="true" focusable="false">
          {/* Drawn, not an emoji: a desk's Chromium may have no emoji font. */}
          <path d="M12 3a6 6 0 0 0-6 6v4l-2 3v1h16v-1l-2-3V9a6 6 0 0 0-6-6zm-2 15a2 2 0 0 0 4 0z" fill="currentColor" />
        </svg>
        {unread > 0 && (
          <span className="bell-count" aria-hidden="true">
            {unread > 99 ? '99+' : unread}
          </span>
        )}
      </button>
      {open && (
        <section
          id={listId}
          className="bell-panel"
          aria-label={t('Bell.heading')}
          onKeyDown={(event) => {
            if (event.key === 'Escape') close();
          }}
        >
          <div className="bell-head">
            <h2>{t('Bell.heading')}</h2>
            <button
              type="button"
              disabled={unread === 0}
              onClick={() => void markRead(items.filter((item) => !item.read).map((item) => item.key))}
            >
              {t('Bell.markAllRead')}
            </button>
            <button type="button" onClick={close}>
              {t('Bell.close')}
            </button>
          </div>
          {read.error && <p role="alert">{t('Bell.couldNotRead', { message: read.error.message })}</p>}
          {failed && <p role="alert">{failed}</p>}
          {read.value && items.length === 0 && <p className="muted">{t('Bell.nothing')}</p>}
          {items.length > 0 && (
            <ul className="bell-list">
              {items.map((item) => {
                const text = describe(item, when, showDate);
                return (
                  <li key={item.key} className={item.read ? 'read' : 'unread'}>
                    {!item.read && <span className="tag">{t('Bell.unread')}</span>}{' '}
                    <a
                      href={item.href}
                      onClick={() => {
                        if (!item.read) void markRead([item.key]);
                        setOpen(false);
                      }}
                    >
                      {text}
                    </a>
                    {!item.read && (
                      <button
                        type="button"
                        className="link-button"
                        aria-label={t('Bell.markReadOf', { text })}
                        onClick={() => void markRead([item.key])}
                      >
                        {t('Bell.markRead')}
                      </button>
                    )}
                  </li>
                );
              })}
            </ul>
          )}
          {read.value && <BellPreferences hidden={read.value.hiddenKinds} onSaved={reload} />}
        </section>
      )}
    </div>
  );
}
