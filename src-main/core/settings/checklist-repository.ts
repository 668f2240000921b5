import type { ReadDb } from '../db/handles';

export interface SetupFacts {
  country: boolean;
  otherUsers: boolean;
  roomedLocation: boolean;
  providerWithHours: boolean;
  activeType: boolean;
  anyAppointment: boolean;
}

/** What the first-run checklist ticks from: one statement of `exists` checks, each stopping at its first row. */
export async function readSetupFacts(db: ReadDb): Promise<SetupFacts> {
  const row = await db
    .selectNoFrom((eb) => [
      eb.exists(eb.selectFrom('clinic_settings').select('id').where('country', 'is not', null)).as('country'),
      eb
        .exists(
          eb
            .selectFrom('users')
            .innerJoin('roles', 'roles.id', 'users.role_id')
            .select('users.id')
            .where('users.disabled_at', 'is', null)
            .where('users.role_id', '!=', 'admin'),
        )
        .as('otherUsers'),
      eb
        .exists(
          eb
            .selectFrom('rooms')
            .innerJoin('locations', 'locations.id', 'rooms.location_id')
            .select('rooms.id')
            .where('rooms.deleted_at', 'is', null)
            .where('locations.deleted_at', 'is', null),
        )
        .as('roomedLocation'),
      eb
        .exists(
          eb
            .selectFrom('availability_templates')
            .innerJoin('providers', 'providers.id', 'availability_templates.provider_id')
            .select('availability_templates.id')
            .where('availability_templates.deleted_at', 'is', null)
            .where('providers.deleted_at', 'is', null),
        )
        .as('providerWithHours'),
      eb.exists(eb.selectFrom('appointment_types').select('id').where('deleted_at', 'is', null)).as('activeType'),
      eb.exists(eb.selectFrom('appointments').select('id').where('deleted_at', 'is', null)).as('anyAppointment'),
    ])
    .executeTakeFirstOrThrow();
  const yes = (value: unknown) => Number(value) === 1;
  return {
    country: yes(row.country),
    otherUsers: yes(row.otherUsers),
    roomedLocation: yes(row.roomedLocation),
    providerWithHours: yes(row.providerWithHours),
    activeType: yes(row.activeType),
    anyAppointment: yes(row.anyAppointment),
  };
}
