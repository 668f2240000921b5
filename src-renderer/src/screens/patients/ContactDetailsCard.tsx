import type { PatientRecord } from '../../../../src-shared/patients/model';
import { usePhoneFormat } from '../../format/phone';
import { useTranslation } from '../../i18n';
import { sexLabel } from '../../i18n/labels';

/** The postal address as the lines an envelope would carry; a dash when nothing is on file. */
function addressLines(address: PatientRecord['address']): string[] {
  const cityLine = [address.city, address.region, address.postalCode].filter(Boolean).join(' ');
  const lines = [address.line1, address.line2, cityLine, address.country].filter((line): line is string =>
    Boolean(line),
  );
  return lines.length > 0 ? lines : ['—'];
}

/** Phones, email, national id, address, language, sex and notes: what Edit patient changes. */
export function ContactDetailsCard({ record }: { record: PatientRecord }) {
  const { t } = useTranslation('patients');
  const phone = usePhoneFormat();
  return (
    <section className="card" aria-labelledby="contact-heading">
      <h2 id="contact-heading">{t('PatientSummaryScreen.contact')}</h2>
      <dl>
        {record.phones.map((number) => (
          <div key={number.id}>
            <dt>
              {number.kind}
              {number.isPrimary ? ' (primary)' : ''}
            </dt>
            <dd>{phone(number.number)}</dd>
          </div>
        ))}
        <div>
          <dt>{t('PatientSummaryScreen.email')}</dt>
          <dd>{record.email ?? '—'}</dd>
        </div>
        <div>
          <dt>{t('PatientSummaryScreen.nationalId')}</dt>
          <dd>{record.nationalIdMasked ?? '—'}</dd>
        </div>
        <div>
          <dt>{t('PatientSummaryScreen.address')}</dt>
          <dd>
            {addressLines(record.address).map((line) => (
              <span key={line} className="block">
                {line}
              </span>
            ))}
          </dd>
        </div>
        <div>
          <dt>{t('PatientSummaryScreen.preferredLanguage')}</dt>
          <dd>{record.preferredLanguage ?? '—'}</dd>
        </div>
        <div>
          <dt>{t('PatientSummaryScreen.sexGenderIdentity')}</dt>
          <dd>
            {sexLabel(record.sex)}
            {record.genderIdentity ? ` · ${record.genderIdentity}` : ''}
          </dd>
        </div>
        {record.notes && (
          <div>
            <dt>{t('PatientSummaryScreen.notes')}</dt>
            <dd className="pre-line">{record.notes}</dd>
          </div>
        )}
      </dl>
    </section>
  );
}
