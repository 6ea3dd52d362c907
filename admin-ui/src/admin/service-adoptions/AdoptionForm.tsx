import { Typography } from '@mui/material';
import {
  BooleanInput,
  FormDataConsumer,
  NumberInput,
  SelectInput,
  SimpleForm,
  TextInput,
  required,
} from 'react-admin';
import { useT } from '../i18n/useT';
import { chf, useAdoptionChoices } from './adoptionChoices';

function GroupInput({ tenantId }: { tenantId: string | undefined }) {
  const t = useT();
  const { groups } = useAdoptionChoices(tenantId);
  return (
    <SelectInput
      source="responsibleGroup"
      label={t('resources.service-adoptions.fields.responsibleGroup')}
      choices={groups}
      emptyText={t('resources.service-adoptions.noGroup')}
      helperText={t('resources.service-adoptions.groupHelp')}
    />
  );
}

/**
 * Create and edit form of an adoption: a service of the catalog enabled for a tenant, with the
 * tenant's fee (francs), responsible group, contact and texts in German and English.
 */
export function AdoptionForm({ create = false }: { create?: boolean }) {
  const t = useT();
  const { tenants, services } = useAdoptionChoices(undefined);
  const text = (lang: 'de' | 'en', field: 'title' | 'description' | 'notice') => (
    <TextInput
      source={`texts.${lang}.${field}`}
      label={t(`resources.service-adoptions.texts.${field}`)}
      multiline={field !== 'title'}
      fullWidth
    />
  );
  return (
    <SimpleForm>
      <SelectInput
        source="tenantId"
        label={t('resources.service-adoptions.fields.tenantId')}
        choices={tenants}
        validate={required()}
        disabled={!create}
      />
      <SelectInput
        source="serviceId"
        label={t('resources.service-adoptions.fields.serviceId')}
        choices={services}
        validate={required()}
        disabled={!create}
      />
      <BooleanInput
        source="enabled"
        label={t('resources.service-adoptions.fields.enabled')}
        defaultValue
      />
      <NumberInput
        source="feeCents"
        label={t('resources.service-adoptions.fields.fee')}
        helperText={t('resources.service-adoptions.feeHelp')}
        format={chf.format}
        parse={chf.parse}
        min={0}
        step={0.05}
      />
      <FormDataConsumer<{ tenantId?: string }>>
        {({ formData }) => <GroupInput tenantId={formData.tenantId} />}
      </FormDataConsumer>
      <TextInput
        source="contactEmail"
        label={t('resources.service-adoptions.fields.contactEmail')}
        type="email"
      />
      <TextInput
        source="contactPhone"
        label={t('resources.service-adoptions.fields.contactPhone')}
        type="tel"
      />
      <Typography component="h2" variant="subtitle1">
        {t('resources.service-adoptions.texts.de')}
      </Typography>
      {text('de', 'title')}
      {text('de', 'description')}
      {text('de', 'notice')}
      <Typography component="h2" variant="subtitle1">
        {t('resources.service-adoptions.texts.en')}
      </Typography>
      {text('en', 'title')}
      {text('en', 'description')}
      {text('en', 'notice')}
    </SimpleForm>
  );
}
