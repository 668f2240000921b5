import { SelectField } from '../../components/SelectField';
import { useSchedulingSetup } from '../../stores/scheduling-setup';

/** Which provider the weekly hours and time off sections are about (kept when switching between them). */
export function ProviderChooser() {
  const providers = useSchedulingSetup((state) => state.providers);
  const providerId = useSchedulingSetup((state) => state.providerId);
  const choose = useSchedulingSetup((state) => state.chooseProvider);
  if (providers.length === 0) return <p>No providers yet: add one under Providers first.</p>;
  return (
    <div className="setup-chooser">
      <SelectField
        label="Provider"
        value={providerId}
        options={providers.map((provider) => ({ value: provider.id, label: provider.displayName }))}
        onChange={(event) => choose(event.target.value)}
      />
    </div>
  );
}
