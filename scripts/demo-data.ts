import {
  fakerAR,
  fakerDE,
  fakerEN_GB,
  fakerEN_US,
  fakerES,
  fakerFR,
  fakerIT,
  fakerNL,
  fakerPL,
  fakerPT_BR,
  fakerSV,
  fakerTR,
  fakerVI,
  type Faker,
} from '@faker-js/faker';

/** The demo company's shape: departments with their titles, and where its people come from. */

export interface Department {
  name: string;
  size: number;
  /** The first person is the head, the next ones managers, everyone else gets one of `staff`. */
  head: string;
  managers: string[];
  staff: string[];
}

export const DEPARTMENTS: Department[] = [
  {
    name: 'Executive Office',
    size: 4,
    head: 'Chief Operating Officer',
    managers: ['Chief Financial Officer', 'Chief of Staff'],
    staff: ['Executive Assistant'],
  },
  {
    name: 'Engineering',
    size: 46,
    head: 'VP of Engineering',
    managers: ['Engineering Manager', 'Engineering Manager', 'Engineering Manager'],
    staff: [
      'Staff Software Engineer',
      'Senior Software Engineer',
      'Senior Software Engineer',
      'Software Engineer',
      'Software Engineer',
      'Software Engineer',
      'Site Reliability Engineer',
      'QA Engineer',
      'Data Engineer',
      'Security Engineer',
      'Mobile Developer',
    ],
  },
  {
    name: 'Product',
    size: 12,
    head: 'Head of Product',
    managers: ['Group Product Manager'],
    staff: ['Senior Product Manager', 'Product Manager', 'Product Analyst', 'Technical Writer'],
  },
  {
    name: 'Design',
    size: 9,
    head: 'Head of Design',
    managers: ['Design Manager'],
    staff: ['Senior Product Designer', 'Product Designer', 'UX Researcher', 'Brand Designer'],
  },
  {
    name: 'Sales',
    size: 32,
    head: 'VP of Sales',
    managers: ['Regional Sales Director, EMEA', 'Regional Sales Director, Americas', 'Sales Manager'],
    staff: [
      'Account Executive',
      'Account Executive',
      'Senior Account Executive',
      'Sales Development Representative',
      'Sales Engineer',
      'Sales Operations Analyst',
    ],
  },
  {
    name: 'Marketing',
    size: 17,
    head: 'Head of Marketing',
    managers: ['Marketing Manager'],
    staff: [
      'Content Marketing Specialist',
      'Growth Marketer',
      'Events Coordinator',
      'SEO Specialist',
      'Communications Manager',
      'Copywriter',
    ],
  },
  {
    name: 'Customer Success',
    size: 24,
    head: 'Head of Customer Success',
    managers: ['Support Team Lead', 'Customer Success Manager'],
    staff: [
      'Customer Success Manager',
      'Support Specialist',
      'Support Specialist',
      'Implementation Consultant',
      'Technical Account Manager',
    ],
  },
  {
    name: 'Finance',
    size: 12,
    head: 'Financial Controller',
    managers: ['Accounting Manager'],
    staff: ['Accountant', 'Financial Analyst', 'Payroll Specialist', 'Procurement Officer'],
  },
  {
    name: 'People & Culture',
    size: 10,
    head: 'Head of People',
    managers: ['People Operations Manager'],
    staff: ['HR Business Partner', 'Recruiter', 'Talent Acquisition Specialist', 'Learning & Development Specialist'],
  },
  {
    name: 'Operations',
    size: 27,
    head: 'Head of Operations',
    managers: ['IT Manager', 'Facilities Manager'],
    staff: [
      'IT Systems Administrator',
      'IT Support Technician',
      'Office Manager',
      'Logistics Coordinator',
      'Operations Analyst',
      'Legal Counsel',
    ],
  },
];

/** Guests: outside people working with Acme, in no department. */
export const GUEST_TITLES = [
  'External Consultant',
  'Freelance Designer',
  'Auditor',
  'Agency Account Manager',
  'Contract Developer',
  'Legal Advisor',
];

export interface Origin {
  faker: Faker;
  /** The person's app language when it is one the app speaks. */
  locale: 'en' | 'fr' | null;
  weight: number;
}

/** Where people come from, in proportion to the weights (which add up to the 200 people). */
export const ORIGINS: Origin[] = [
  { faker: fakerEN_GB, locale: 'en', weight: 30 },
  { faker: fakerEN_US, locale: 'en', weight: 16 },
  { faker: fakerFR, locale: 'fr', weight: 30 },
  { faker: fakerDE, locale: null, weight: 25 },
  { faker: fakerNL, locale: null, weight: 14 },
  { faker: fakerES, locale: null, weight: 18 },
  { faker: fakerPL, locale: null, weight: 14 },
  { faker: fakerTR, locale: null, weight: 12 },
  { faker: fakerVI, locale: null, weight: 12 },
  { faker: fakerAR, locale: null, weight: 8 },
  { faker: fakerIT, locale: null, weight: 11 },
  { faker: fakerPT_BR, locale: null, weight: 6 },
  { faker: fakerSV, locale: null, weight: 4 },
];
