/** The patients contract's field rules, shared by patients.*, intake.* and the forms. */
import { z } from 'zod';
import { isIsoDate } from './dates';
import { isPlausiblePhone } from './phones';
import { ALLERGY_REMOVAL_REASONS, ALLERGY_SEVERITIES, CONTACT_KINDS, PHONE_KINDS, SEXES } from './model';
import {
  atMost,
  boundedString,
  dateText,
  id,
  NOT_A_REAL_DATE_MESSAGE,
  isEmailAddress,
  optionalText,
  requiredText,
} from '../validation';

export const isoDate = dateText(isIsoDate);
export const optionalDate = boundedString(40)
  .trim()
  .nullish()
  .transform((value) => (value ? value : null))
  .refine((value) => value === null || isIsoDate(value), NOT_A_REAL_DATE_MESSAGE);
export const email = z
  .string()
  .trim()
  .toLowerCase()
  .max(254, atMost(254))
  .refine((value) => value === '' || isEmailAddress(value), 'must be an email address like name@example.com')
  .nullish()
  .transform((value) => (value ? value : null));
export const phoneNumber = boundedString(40)
  .trim()
  .refine(isPlausiblePhone, 'must be a phone number of 6 to 15 digits');
export const optionalPhone = boundedString(40)
  .trim()
  .nullish()
  .transform((value) => (value ? value : null))
  .refine((value) => value === null || isPlausiblePhone(value), 'must be a phone number of 6 to 15 digits');
export const patientId = id('a patient');
export const rowId = boundedString(36, 'must be an id').regex(z.regexes.uuid(), 'must be an id').optional();

export const phone = z.object({
  id: rowId,
  kind: z.enum(PHONE_KINDS, { error: `must be one of ${PHONE_KINDS.join(', ')}` }),
  number: phoneNumber,
  isPrimary: z.boolean().default(false),
});

export const phones = z
  .array(phone)
  .max(6, 'at most 6 phone numbers')
  .default([])
  .superRefine((list, ctx) => {
    const primaries = list.flatMap((entry, index) => (entry.isPrimary ? [index] : []));
    for (const index of primaries.slice(1)) {
      ctx.addIssue({ code: 'custom', path: [index, 'isPrimary'], message: 'only one phone can be primary' });
    }
  });

export const contact = z
  .object({
    id: rowId,
    kind: z.enum(CONTACT_KINDS, { error: `must be one of ${CONTACT_KINDS.join(', ')}` }),
    name: requiredText(120),
    relationship: optionalText(60),
    phone: optionalPhone,
    email,
  })
  // Someone to ring when the patient collapses is no use without a number.
  .refine((entry) => entry.kind !== 'emergency' || entry.phone !== null, {
    path: ['phone'],
    message: 'an emergency contact needs a phone number',
  });

/** Contacts as a whole list: one guarantor at most (the one the bill goes to). */
export const contacts = z
  .array(contact)
  .max(10, 'at most 10 contacts')
  .default([])
  .superRefine((list, ctx) => {
    const guarantors = list.flatMap((entry, index) => (entry.kind === 'guarantor' ? [index] : []));
    for (const index of guarantors.slice(1)) {
      ctx.addIssue({
        code: 'custom',
        path: [index, 'kind'],
        message: 'only one guarantor; change the other to an emergency contact or remove it',
      });
    }
  });

export const address = z
  .object({
    line1: optionalText(120),
    line2: optionalText(120),
    city: optionalText(80),
    region: optionalText(80),
    postalCode: optionalText(20),
    country: optionalText(80),
  })
  .default({ line1: null, line2: null, city: null, region: null, postalCode: null, country: null });

/** The registration form's fields; create and update share them, so the messages name the same fields. */
export const patientFields = {
  firstName: requiredText(80),
  middleName: optionalText(80),
  lastName: requiredText(80),
  preferredName: optionalText(80),
  dob: isoDate,
  sex: z.enum(SEXES, { error: `must be one of ${SEXES.join(', ')}` }).default('unknown'),
  genderIdentity: optionalText(80),
  email,
  address,
  preferredLanguage: optionalText(40),
  notes: optionalText(4000),
  deceasedDate: optionalDate,
  phones,
  contacts,
};

export const nationalId = z
  .string()
  .trim()
  .max(40, atMost(40))
  .refine(
    (value) => value === '' || /^[\p{L}\p{N}\s./-]+$/u.test(value),
    'may hold only letters, digits, spaces, dots, dashes and slashes',
  );

/** What an allergy is recorded with, from the patient's page or the nurse's intake. */
export const allergyFields = {
  substance: requiredText(120),
  reaction: optionalText(200),
  severity: z.enum(ALLERGY_SEVERITIES, { error: `must be one of ${ALLERGY_SEVERITIES.join(', ')}` }).default('unknown'),
};

export const allergyRemoval = {
  allergyId: id('an allergy'),
  reason: z.enum(ALLERGY_REMOVAL_REASONS, { error: `must be one of ${ALLERGY_REMOVAL_REASONS.join(', ')}` }),
};
