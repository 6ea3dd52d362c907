/**
 * One realistic case per service, as the variables stand once every step has run: the start
 * form's data (it must pass the start form's own validation), what the server adds at the
 * start, the clerks' and citizens' form data, and what workers, decisions and messages set.
 */
export interface SampleCase {
  /** The start form's submission, as the portal sends it (uploads already document ids). */
  submission: Record<string, unknown>;
  /** Everything else the case holds by the end, by step. */
  later: Record<string, unknown>;
}

export const SERVER_START = {
  caseId: '0f8e4c1a-5b2d-4e6f-9a10-3c7d2e1b4a55',
  caseReference: 'LU-2026-000123',
  tenantId: 'luzern',
  submittedOn: '2026-03-02',
};

const applicant = {
  firstName: 'Anna',
  lastName: 'Muster',
  street: 'Bahnhofstrasse',
  houseNumber: '12a',
  postalCode: '6003',
  town: 'Luzern',
  email: 'anna.muster@example.ch',
  phone: '+41411234567',
};

export const SAMPLES: Record<string, SampleCase> = {
  'residence-certificate': {
    submission: {
      applicant: {
        firstName: 'Anna',
        lastName: 'Muster',
        birthDate: '1985-04-12',
        email: 'anna.muster@example.ch',
      },
      purpose: 'für den Arbeitgeber',
      truthConfirmed: true,
    },
    later: {
      params: { fee: 30 },
      resident: {
        id: 'r-1',
        street: 'Bahnhofstrasse',
        houseNumber: '12a',
        postalCode: '6003',
        city: 'Luzern',
        movedInOn: '2019-08-01',
      },
      registerLookupResult: 'notFound',
      residenceConfirmed: 'yes',
      rejectionReason: 'Mit diesen Angaben ist niemand gemeldet.',
      invoiceDocumentId: 'd-1',
      certificateDocumentId: 'd-2',
    },
  },
  'dog-registration': {
    submission: {
      applicant,
      dog: {
        name: 'Bello',
        breed: 'Labrador Retriever',
        sex: 'male',
        birthDate: '2024-05-01',
        microchipNumber: '756098100123456',
        assistanceDog: false,
      },
      dogsInHousehold: 2,
      insuranceProof: ['doc-insurance'],
      truthConfirmed: true,
    },
    later: {
      params: { dogTaxRate: 120 },
      proofStatus: 'received',
      clarificationNote: 'Police per Post erhalten.',
      registrationApproved: 'yes',
      tagNumber: 'LU-4711',
      rejectionReason: 'Kein Nachweis der Haftpflichtversicherung.',
      dogTax: 180,
      invoiceDocumentId: 'd-1',
      decisionDocumentId: 'd-2',
    },
  },
  'change-of-address': {
    submission: {
      moveType: 'moveIn',
      moveDate: '2026-02-01',
      applicant: {
        firstName: 'Anna',
        lastName: 'Muster',
        birthDate: '1985-04-12',
        email: 'anna.muster@example.ch',
        phone: '+41411234567',
      },
      oldAddress: {
        street: 'Hauptstrasse',
        houseNumber: '3',
        country: 'CH',
        postalCode: '6030',
        town: 'Ebikon',
      },
      newAddress: {
        street: 'Bahnhofstrasse',
        houseNumber: '12a',
        country: 'CH',
        postalCode: '6003',
        town: 'Luzern',
      },
      householdMembers: [
        { firstName: 'Lena', lastName: 'Muster', birthDate: '2015-09-30', relationship: 'child' },
      ],
      leaseContract: ['doc-lease'],
      originCertificateSent: true,
      truthConfirmed: true,
    },
    later: { lateReport: true, registerUpdated: true, clerkNote: 'Heimatschein eingetroffen.' },
  },
  'parking-permit': {
    submission: {
      applicant,
      zone: 'B',
      licencePlate: 'LU 123456',
      durationMonths: '6',
      validFrom: '2026-04-01',
      vehicleRegistration: ['doc-registration'],
      truthConfirmed: true,
    },
    later: {
      permitFee: 240,
      permitApproved: 'yes',
      permitNumber: 'PK-2026-0815',
      rejectionReason: 'Die Adresse liegt nicht in Zone B.',
      invoiceDocumentId: 'd-1',
      permitDocumentId: 'd-2',
    },
  },
  'building-permit': {
    submission: {
      applicant,
      applicantIsOwner: false,
      landowner: {
        name: 'Erbengemeinschaft Muster',
        street: 'Seestrasse',
        houseNumber: '5',
        postalCode: '6004',
        town: 'Luzern',
      },
      landownerConsent: ['doc-consent'],
      site: {
        parcelNumber: '1234',
        street: 'Seestrasse',
        houseNumber: '7',
        postalCode: '6004',
        town: 'Luzern',
      },
      projectType: 'newBuilding',
      buildingCosts: 850000,
      projectDescription: 'Neubau Einfamilienhaus mit Doppelgarage',
      outsideBuildingZone: false,
      heritageProtected: false,
      adjacentToCantonalRoad: true,
      plans: ['doc-plan-1', 'doc-plan-2'],
      otherDocuments: ['doc-energy'],
      truthConfirmed: true,
    },
    later: {
      documentsComplete: 'yes',
      missingDocuments: 'Energienachweis (EN-LU)',
      additionalDocuments: ['doc-energy-2'],
      applicantComment: 'Nachgereicht.',
      consultationOffices: [
        'umwelt-und-energie',
        'gebaeudeversicherung',
        'verkehr-und-infrastruktur',
      ],
      office: 'umwelt-und-energie',
      statement: {
        office: 'umwelt-und-energie',
        verdict: 'approveWithConditions',
        conditions: 'Lärmschutz',
        text: 'Zustimmung.',
        documents: [],
        submittedOn: '2026-03-20',
      },
      statements: [
        {
          office: 'umwelt-und-energie',
          verdict: 'approve',
          conditions: null,
          text: 'Zustimmung.',
          documents: [],
          submittedOn: '2026-03-20',
        },
      ],
      objection: {
        name: 'Beat Nachbar',
        email: 'beat@example.ch',
        address: 'Seestrasse 9, 6004 Luzern',
        receivedOn: '2026-03-10',
        documentId: 'doc-objection',
      },
      objections: [
        {
          name: 'Beat Nachbar',
          email: 'beat@example.ch',
          address: 'Seestrasse 9, 6004 Luzern',
          receivedOn: '2026-03-10',
          documentId: 'doc-objection',
        },
      ],
      decision: 'approveWithConditions',
      conditions: 'Dachbegrünung',
      reasoning: 'Das Vorhaben entspricht dem Bau- und Zonenreglement.',
      objectionRuling: 'Die Einsprache wird abgewiesen.',
      permitFee: 2500,
      invoiceDocumentId: 'd-1',
      decisionDocumentId: 'd-2',
    },
  },
};

/** The canton side of building-permit: the variables of one building-consultation instance. */
export const CONSULTATION_SAMPLE: Record<string, unknown> = {
  caseReference: 'LU-2026-000123',
  replyTenantId: 'luzern',
  office: 'umwelt-und-energie',
  applicantName: 'Anna Muster',
  project: {
    type: 'newBuilding',
    description: 'Neubau Einfamilienhaus mit Doppelgarage',
    buildingCosts: 850000,
    parcelNumber: '1234',
    address: 'Seestrasse 7, 6004 Luzern',
    outsideBuildingZone: false,
    heritageProtected: false,
    adjacentToCantonalRoad: true,
  },
  documents: ['doc-plan-1', 'doc-plan-2', 'doc-energy'],
  verdict: 'approveWithConditions',
  conditions: 'Lärmschutzwand entlang der Strasse',
  statementText: 'Zustimmung unter Auflagen.',
  statementDocuments: ['doc-statement'],
};
