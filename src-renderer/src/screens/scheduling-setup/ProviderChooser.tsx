import { SelectField } from '../../components/SelectField';
import { useSetupChoice } from '../../stores/scheduling-setup';
import { useSetupLists } from './setup-lists';
import { useTranslation } from '../../i18n';

/** Which provider the weekly hours and time off sections are about (kept when switching between them). */
export function ProviderChooser() {
  const { t } = useTranslation('scheduling-setup');
  const providers = useSetupLists((lists) => lists.providers);
  const providerId = useSetupLists((lists) => lists.providerId);
  const choose = useSetupChoice((state) => state.chooseProvider);
  if (providers.length === 0) return <p>{t('ProviderChooser.noProvidersYetAddOne')}</p>;
  return (
    <div className="setup-chooser">
      <SelectField
        label={t('ProviderChooser.provider')}
        value={providerId}
        options={providers.map((provider) => ({ value: provider.id, label: provider.displayName }))}
        onChange={(event) => choose(event.target.value)}
      />
    </div>
  );
}
