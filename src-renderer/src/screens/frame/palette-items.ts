import type { Permission } from '../../../../src-shared/api/permissions';
import type { ProviderSummary } from '../../../../src-shared/scheduling/model';
import { i18next } from '../../i18n';
import { billingHref } from '../billing/route';
import { findHref } from '../find/route';
import { mayOpen, ROUTES, type RouteDef } from './routes';

/** One thing the search offers: a screen, an action, a provider's day, or an action on a patient. */
export interface PaletteItem {
  id: string;
  label: string;
  /** The accessible name when the label alone says too little ("Book" beside a patient). */
  name?: string;
  href: string;
  /** Other words that find it ("appointment" finds Book). */
  words?: string;
}

interface Action {
  id: string;
  label: string;
  words: string;
  href: string;
  permission: Permission;
}

/** Actions that are not a screen of their own, each behind the permission its screen asks for. */
function actions(): Action[] {
  return [
    {
      id: 'book',
      label: i18next.t('frame:palette.book'),
      words: i18next.t('frame:palette.bookWords'),
      href: '#/find',
      permission: 'appointments:write',
    },
    {
      id: 'new-patient',
      label: i18next.t('frame:palette.newPatient'),
      words: i18next.t('frame:palette.newPatientWords'),
      href: '#/patients/new',
      permission: 'patients:write',
    },
    {
      id: 'take-payment',
      label: i18next.t('frame:palette.takePayment'),
      words: i18next.t('frame:palette.takePaymentWords'),
      href: billingHref.drawer(),
      permission: 'billing:write',
    },
  ];
}

/**
 * The screens of the route table this user may open (and this desk lists), the actions they may take,
 * and each provider's day: nothing a user could not open from the menu or the screens themselves.
 */
export function paletteScreens(
  can: (permission: Permission) => boolean,
  listed: (route: RouteDef) => boolean,
  providers: readonly ProviderSummary[],
  today: string,
): PaletteItem[] {
  const screens = ROUTES.filter((route) => route.path !== 'display' && mayOpen(route, can) && listed(route)).map(
    (route) => ({ id: `screen:${route.path}`, label: route.label, href: `#/${route.path}` }),
  );
  const doable = actions()
    .filter((action) => can(action.permission))
    .map(({ id, label, words, href }) => ({ id: `action:${id}`, label, words, href }));
  const days = can('appointments:read')
    ? providers.map((provider) => ({
        id: `provider:${provider.id}`,
        label: i18next.t('frame:palette.providerDay', { provider: provider.displayName }),
        words: i18next.t('frame:palette.providerDayWords'),
        href: `#/calendar/week/${provider.id}/${today}`,
      }))
    : [];
  return [...doable, ...screens, ...days];
}

/**
 * Items whose label holds every word typed (label matches first), then those found by their other words
 * only. Empty query: nothing (the dialog shows its hint).
 */
const plain = (text: string) => text.toLocaleLowerCase().replace(/[‘’]/g, "'");

export function matchItems(items: readonly PaletteItem[], query: string): PaletteItem[] {
  const words = plain(query).split(/\s+/).filter(Boolean);
  if (words.length === 0) return [];
  const inLabel = (item: PaletteItem) => words.every((word) => plain(item.label).includes(word));
  const anywhere = (item: PaletteItem) => {
    const text = plain(`${item.label} ${item.words ?? ''}`);
    return words.every((word) => text.includes(word));
  };
  const first = items.filter(inLabel);
  return [...first, ...items.filter((item) => !inLabel(item) && anywhere(item))];
}

/** What the user may do with a patient found, offered beside their name. */
export function patientActions(
  patient: { id: string; name: string; active: boolean; deceased: boolean },
  can: (permission: Permission) => boolean,
): PaletteItem[] {
  const items: PaletteItem[] = [];
  const open = patient.active && !patient.deceased;
  if (open && can('appointments:write'))
    items.push({
      id: `book:${patient.id}`,
      label: i18next.t('frame:palette.bookShort'),
      name: i18next.t('frame:palette.bookFor', { patient: patient.name }),
      href: findHref(patient.id),
    });
  if (open && can('visits:write'))
    items.push({
      id: `checkin:${patient.id}`,
      label: i18next.t('frame:palette.checkInShort'),
      name: i18next.t('frame:palette.checkInFor', { patient: patient.name }),
      href: `#/today/patient/${patient.id}`,
    });
  if (can('billing:write'))
    items.push({
      id: `pay:${patient.id}`,
      label: i18next.t('frame:palette.takePaymentShort'),
      name: i18next.t('frame:palette.takePaymentFrom', { patient: patient.name }),
      href: billingHref.account(patient.id),
    });
  return items;
}
