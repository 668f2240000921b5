// The English of the screens behind sign-in, before anything of this chunk renders.
import '../../i18n/screens';
import { useCallback, useEffect, type JSX } from 'react';
// Every form behind sign-in checks its drafts with main's schemas from its first render (draft-checks.ts).
import '../../draft-refusal';
import { call } from '../../api';
import { Refusal } from '../../components/Refusal';
import { useHashRoute } from '../../hooks/useHashRoute';
import { useProcedure } from '../../hooks/useProcedure';
import { useIdleLock } from '../../hooks/useIdleLock';
import { useClinicSettings } from '../../stores/clinic-settings';
import { useFollowLanguage } from '../../hooks/useFollowLanguage';
import { useSession } from '../../stores/session';
import { AuditScreen } from '../audit/AuditScreen';
import { BackupScreen } from '../backups/BackupScreen';
import { MoveOutScreen } from '../move-out/MoveOutScreen';
import { MoveInScreen } from '../interop/MoveInScreen';
import { BillingScreen } from '../billing/BillingScreen';
import { CalendarScreen } from '../calendar/CalendarScreen';
import { ConflictsScreen } from '../conflicts/ConflictsScreen';
import { DevicesScreen } from '../sync/DevicesScreen';
import { FindSlotScreen } from '../find/FindSlotScreen';
import { HomeScreen } from '../home/HomeScreen';
import { PatientsScreen } from '../patients/PatientsScreen';
import { RemindersScreen } from '../reminders/RemindersScreen';
import { ReportsScreen } from '../reports/ReportsScreen';
import { SchedulingSetupScreen } from '../scheduling-setup/SchedulingSetupScreen';
import { SettingsScreen } from '../settings/SettingsScreen';
import { StockScreen } from '../stock/StockScreen';
import { UsersScreen } from '../users/UsersScreen';
import { BoardScreen } from '../visits/BoardScreen';
import { DisplayScreen } from '../visits/DisplayScreen';
import { TodayScreen } from '../visits/TodayScreen';
import { TasksScreen } from '../tasks/TasksScreen';
import { ReferralsScreen } from '../referrals/ReferralsScreen';
import { WaitlistScreen } from '../waitlist/WaitlistScreen';
import { CommandPalette } from './CommandPalette';
import { Header } from './Header';
import { LiveAnnouncer } from './LiveAnnouncer';
import { ShortcutsSheet } from './ShortcutsSheet';
import { mayOpen, ROUTES } from './routes';
import { useSyncedOnlyListed } from './useSyncedOnlyListed';
import { useTranslation } from '../../i18n';

const SCREENS: Record<string, () => JSX.Element | null> = {
  '': HomeScreen,
  calendar: CalendarScreen,
  find: FindSlotScreen,
  today: TodayScreen,
  board: BoardScreen,
  billing: BillingScreen,
  stock: StockScreen,
  patients: PatientsScreen,
  reminders: RemindersScreen,
  reports: ReportsScreen,
  settings: SettingsScreen,
  backup: BackupScreen,
  'move-out': MoveOutScreen,
  'move-in': MoveInScreen,
  setup: SchedulingSetupScreen,
  users: UsersScreen,
  audit: AuditScreen,
  waitlist: WaitlistScreen,
  conflicts: ConflictsScreen,
  devices: DevicesScreen,
  tasks: TasksScreen,
  referrals: ReferralsScreen,
};

/** The signed-in, unlocked app. Unmounted whole when the screen locks. */
export function AppFrame() {
  const { t } = useTranslation('frame');
  const session = useSession((state) => state.session);
  const locked = useSession((state) => state.locked);
  const can = useSession((state) => state.can);
  const shareClinic = useClinicSettings((state) => state.set);
  // Read once per sign-in (the frame is unmounted on lock); a `settings.changed` event carries the new
  // settings, which useSessionEvents puts in the store without reading again.
  const { value: clinic } = useProcedure('settings.get', {});
  const route = useHashRoute();
  const listed = useSyncedOnlyListed();
  useFollowLanguage();

  const lock = useCallback(() => {
    locked();
    void call('auth.lock', {});
  }, [locked]);
  useIdleLock(session?.lockTimeoutMinutes ?? 10, lock);

  useEffect(() => {
    if (clinic) shareClinic(clinic);
  }, [clinic, shareClinic]);

  if (!session) return null;
  const current = ROUTES.find((candidate) => candidate.path === route) ?? ROUTES[0];
  const allowed = mayOpen(current, can);
  const Screen = SCREENS[current.path] ?? HomeScreen;
  // The waiting-room display fills its window: no header, no menu, nothing but tickets.
  if (current.path === 'display') return <DisplayScreen />;

  return (
    <div className="frame">
      {/* A keyboard's way past the header and the menu, first in the Tab order (shown when it has the focus). */}
      <button
        type="button"
        className="skip-to-page"
        onClick={() => document.querySelector<HTMLElement>('main.content')?.focus()}
      >
        {t('AppFrame.skipToPage')}
      </button>
      <Header onLock={lock} />
      <nav className="main-nav" aria-label={t('AppFrame.main')}>
        <ul>
          {ROUTES.filter((item) => mayOpen(item, can) && listed(item)).map((item) => (
            <li key={item.path}>
              <a href={`#/${item.path}`} aria-current={item.path === current.path ? 'page' : undefined}>
                {item.label}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <main className="content" tabIndex={-1}>
        {allowed ? <Screen /> : <Refusal area={current.label} />}
      </main>
      <CommandPalette />
      <ShortcutsSheet />
      <LiveAnnouncer />
    </div>
  );
}
