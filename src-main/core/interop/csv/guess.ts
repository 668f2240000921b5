import type { CsvMapping, CsvTarget } from '../../../../src-shared/interop/csv-import';

/**
 * Which desk field a column holds, from its header as OpenEMR ("fname", "DOB", "pid"), SimplePractice
 * ("First Name", "Date of Birth", "Mobile Phone") and Cliniko ("Patient ID", "Appointment Start",
 * "Practitioner") name it. Headers are compared folded: lower case, letters and digits only.
 */
const PATIENT_HEADERS: Record<string, string[]> = {
  externalId: ['pid', 'id', 'patientid', 'clientid', 'externalid', 'pubpid', 'mrn', 'recordnumber', 'chartnumber'],
  firstName: ['fname', 'firstname', 'first', 'givenname', 'forename'],
  middleName: ['mname', 'middlename', 'middle'],
  lastName: ['lname', 'lastname', 'last', 'surname', 'familyname'],
  preferredName: ['preferredname', 'nickname', 'knownas'],
  dob: ['dob', 'dateofbirth', 'birthdate', 'birthday', 'dateofbirthddmmyyyy'],
  sex: ['sex', 'gender', 'sexatbirth'],
  email: ['email', 'emailaddress', 'email1'],
  mobilePhone: ['mobile', 'mobilephone', 'phonecell', 'cellphone', 'cell', 'mobilenumber'],
  homePhone: ['phonehome', 'homephone', 'phone', 'telephone', 'phonenumber'],
  workPhone: ['phonebiz', 'workphone', 'businessphone'],
  addressLine1: ['street', 'address', 'address1', 'addressline1', 'streetaddress'],
  addressLine2: ['address2', 'addressline2', 'street2'],
  city: ['city', 'town', 'suburb'],
  region: ['state', 'region', 'province', 'county'],
  postalCode: ['postalcode', 'zip', 'zipcode', 'postcode'],
  country: ['country', 'countrycode'],
  preferredLanguage: ['language', 'preferredlanguage'],
  notes: ['notes', 'note', 'comments'],
};

const APPOINTMENT_HEADERS: Record<string, string[]> = {
  externalId: ['appointmentid', 'apptid', 'eid', 'pceid', 'id'],
  patientExternalId: ['pid', 'patientid', 'clientid', 'pubpid'],
  patientFirstName: ['fname', 'firstname', 'patientfirstname', 'clientfirstname'],
  patientLastName: ['lname', 'lastname', 'patientlastname', 'clientlastname'],
  patientDob: ['dob', 'dateofbirth', 'patientdob', 'patientdateofbirth', 'birthdate'],
  provider: ['provider', 'practitioner', 'clinician', 'doctor', 'providername', 'practitionername'],
  type: ['type', 'appointmenttype', 'category', 'service', 'pccatname', 'visittype'],
  date: ['date', 'appointmentdate', 'startdate', 'appointmentstart', 'start', 'pceventdate'],
  time: ['time', 'starttime', 'appointmenttime', 'pcstarttime'],
  durationMinutes: ['duration', 'durationminutes', 'minutes', 'length', 'pcduration'],
  status: ['status', 'appointmentstatus', 'pcapptstatus'],
  reason: ['reason', 'reasonforvisit', 'title', 'pctitle'],
  notes: ['notes', 'note', 'comments', 'pchometext'],
};

export function foldHeader(header: string): string {
  return header
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

/** Each header to the field it most likely holds; a field is given to one column only (the first). */
export function guessMapping(target: CsvTarget, headers: string[]): CsvMapping {
  const table = target === 'patients' ? PATIENT_HEADERS : APPOINTMENT_HEADERS;
  const mapping: CsvMapping = {};
  const taken = new Set<string>();
  for (const header of headers) {
    const folded = foldHeader(header);
    const field = Object.entries(table).find(([name, names]) => !taken.has(name) && names.includes(folded))?.[0];
    mapping[header] = field ?? '';
    if (field) taken.add(field);
  }
  return mapping;
}
