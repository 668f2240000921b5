import type { PatientPhoto, PatientRecord } from '../../../../src-shared/patients/model';
import { formatDate } from '../../../../src-shared/patients/dates';
import type { DateFormat } from '../../../../src-shared/api/areas/settings';
import { photoSource } from './patient-photo';
import { AccountFlag } from '../billing/AccountFlag';
import { useTranslation } from '../../i18n';
import { sexLabel } from '../../i18n/labels';

/**
 * Who this is, at a glance, wherever a patient is shown: photo, identity, alerts and allergies.
 * The screen reads the photo (`usePatientPhoto`), so a photo card beside the banner can have it read again.
 */
export function PatientBanner({
  record,
  photo,
  dateFormat,
}: {
  record: PatientRecord;
  photo: PatientPhoto | null;
  dateFormat: DateFormat;
}) {
  const { t } = useTranslation('patients');
  return (
    <section className="patient-banner" aria-label={t('PatientBanner.patientBanner')}>
      {photo && !photo.arriving && (
        <img
          className="patient-photo"
          src={photoSource(photo)}
          alt={t('PatientBanner.photoOf', { recordName: record.name })}
        />
      )}
      {/* Synced from another desk, its bytes still travelling in chunks: said, never half an image. */}
      {photo?.arriving && <span className="tag">{t('PatientBanner.photoArriving')}</span>}
      <div className="banner-text">
        <div className="identity">
          <strong className="patient-name">{record.name}</strong>
          <span>{t('PatientBanner.dob', { dob: formatDate(record.dob, dateFormat) })}</span>
          <span>{t('PatientBanner.y', { age: record.age })}</span>
          <span>{sexLabel(record.sex)}</span>
          <span>{t('PatientBanner.mrn', { mrn: record.mrn })}</span>
          {record.deceasedDate && (
            <span className="tag">
              {t('PatientBanner.deceased', { deceasedDate: formatDate(record.deceasedDate, dateFormat) })}
            </span>
          )}
          {!record.active && <span className="tag">{t('PatientBanner.inactive')}</span>}
        </div>
        <div className="banner-flags">
          {record.allergies.length === 0 ? (
            <span className="flag neutral">{t('PatientBanner.noKnownAllergiesRecorded')}</span>
          ) : (
            <span className="flag allergy">
              {t('PatientBanner.allergies', {
                allergies: record.allergies
                  .map((allergy) =>
                    allergy.severity === 'severe'
                      ? t('PatientBanner.severeAllergy', { substance: allergy.substance })
                      : allergy.substance,
                  )
                  .join(', '),
              })}
            </span>
          )}
          {record.alerts.map((alert) => (
            <span key={alert.id} className="flag alert">
              {alert.kind}: {alert.text}
            </span>
          ))}
          <AccountFlag patientId={record.id} />
        </div>
      </div>
    </section>
  );
}
