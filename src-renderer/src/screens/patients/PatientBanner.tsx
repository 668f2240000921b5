import { useEffect } from 'react';
import type { PatientRecord } from '../../../../src-shared/patients/model';
import { formatDate } from '../../../../src-shared/patients/dates';
import type { DateFormat } from '../../../../src-shared/api/areas/settings';
import { photoSource, usePatientPhoto } from '../../stores/patient-photo';
import { AccountFlag } from '../billing/AccountFlag';

/** Who this is, at a glance, wherever a patient is shown: photo, identity, alerts and allergies. */
export function PatientBanner({ record, dateFormat }: { record: PatientRecord; dateFormat: DateFormat }) {
  const { patientId, photo, load } = usePatientPhoto();

  // Reloaded when the record changes too: a merge or un-merge can bring or take a photo.
  useEffect(() => {
    void load(record.id);
  }, [record.id, record.updatedAt, load]);

  const shown = patientId === record.id ? photo : null;
  return (
    <section className="patient-banner" aria-label="Patient banner">
      {shown && <img className="patient-photo" src={photoSource(shown)} alt={`Photo of ${record.name}`} />}
      <div className="banner-text">
        <div className="identity">
          <strong className="patient-name">{record.name}</strong>
          <span>DOB {formatDate(record.dob, dateFormat)}</span>
          <span>{record.age} y</span>
          <span>{record.sex}</span>
          <span>MRN {record.mrn}</span>
          {record.deceasedDate && <span className="tag">Deceased {formatDate(record.deceasedDate, dateFormat)}</span>}
          {!record.active && <span className="tag">Inactive</span>}
        </div>
        <div className="banner-flags">
          {record.allergies.length === 0 ? (
            <span className="flag neutral">No known allergies recorded</span>
          ) : (
            <span className="flag allergy">
              Allergies:{' '}
              {record.allergies
                .map((allergy) => `${allergy.substance}${allergy.severity === 'severe' ? ' (severe)' : ''}`)
                .join(', ')}
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
