import { z } from 'zod';
import { procedure } from '../procedure';
import {
  clinicName,
  currency,
  dateFormat,
  language,
  lockTimeoutMinutes,
  noShowGraceMinutes,
  regionCode,
  timeFormat,
  timeZone,
  weekStart,
} from '../../validation';

export type DateFormat = z.infer<typeof dateFormat>;
export type TimeFormat = z.infer<typeof timeFormat>;
export type WeekStart = z.infer<typeof weekStart>;
export type Language = z.infer<typeof language>;

export interface ClinicSettings {
  clinicName: string;
  timeZone: string;
  currency: string;
  lockTimeoutMinutes: number;
  dateFormat: DateFormat;
  /** Where the clinic is (alpha-2); null for a clinic set up before it was asked. */
  country: string | null;
  timeFormat: TimeFormat;
  weekStart: WeekStart;
  /** The region phone numbers without a country code are read in; null: shown as stored. */
  phoneRegion: string | null;
  /** A no-show may be recorded only this many minutes after the start. */
  noShowGraceMinutes: number;
  /** The board has a "With provider" step between the room and check-out. */
  providerStep: boolean;
  /** The screens' language for everyone who has not chosen their own. */
  language: Language;
  updatedAt: number;
}

/** The first-run checklist's steps, in the order a new clinic does them. */
export const CHECKLIST_STEPS = ['clinic', 'users', 'locations', 'providers', 'types', 'book'] as const;
export type ChecklistStep = (typeof CHECKLIST_STEPS)[number];

/** Each step and whether the clinic has done it (read from what exists, so it ticks by itself). */
export type SetupChecklist = { step: ChecklistStep; done: boolean }[];

export const settingsProcedures = {
  /**
   * The administrator's first-run checklist: clinic details (a country) → staff besides the first
   * administrator → a location with a room → a provider with weekly hours → an appointment type →
   * a first appointment booked.
   */
  'settings.checklist': procedure<SetupChecklist>()({
    input: z.object({}),
    access: 'settings:manage',
    kind: 'read',
  }),
  'settings.get': procedure<ClinicSettings>()({ input: z.object({}), access: 'session', kind: 'read' }),
  'settings.update': procedure<ClinicSettings>()({
    input: z
      .object({
        clinicName,
        timeZone,
        currency,
        lockTimeoutMinutes,
        dateFormat,
        country: regionCode,
        timeFormat,
        weekStart,
        phoneRegion: regionCode,
        noShowGraceMinutes,
        providerStep: z.boolean({ error: 'must be true or false' }),
        language,
      })
      .partial(),
    access: 'settings:manage',
    kind: 'write',
  }),
};
