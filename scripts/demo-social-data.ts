/** What the demo company talks about: its groups, places, skills and the words of its posts. */

export interface DemoGroup {
  name: string;
  description: string;
  visibility: 'open' | 'closed' | 'secret';
  /** How many members besides the creator (capped by the company's size). */
  size: number;
  /** Mostly people of this department, plus a few from elsewhere. */
  department?: string;
}

export const DEMO_GROUPS: DemoGroup[] = [
  {
    name: 'Engineering',
    description: 'Builds, releases, incidents and the odd architecture debate.',
    visibility: 'open',
    size: 60,
    department: 'Engineering',
  },
  {
    name: 'Sales wins',
    description: 'Share the deals you closed and how you closed them.',
    visibility: 'open',
    size: 50,
    department: 'Sales',
  },
  { name: 'Running club', description: 'Lunchtime runs, weekend races, and shoes.', visibility: 'open', size: 25 },
  {
    name: 'Café des langues',
    description: 'On parle français, Deutsch, español… Practise a language with colleagues.',
    visibility: 'open',
    size: 30,
  },
  {
    name: 'Customer escalations',
    description: 'Urgent customer issues. Members only; ask to join.',
    visibility: 'closed',
    size: 30,
    department: 'Customer Success',
  },
  { name: 'Managers’ corner', description: 'For people managers: reviews, hiring, and advice.', visibility: 'closed', size: 25 },
  {
    name: 'Partners & suppliers',
    description: 'Working with our partners and their teams.',
    visibility: 'closed',
    size: 12,
    department: 'Operations',
  },
  {
    name: 'Project Lighthouse',
    description: 'The acquisition project. Invitation only.',
    visibility: 'secret',
    size: 8,
    department: 'Executive Office',
  },
  {
    name: 'Pay review 2026',
    description: 'Pay review preparation. Invitation only.',
    visibility: 'secret',
    size: 6,
    department: 'People & Culture',
  },
];

export const LOCATIONS = ['London', 'Paris', 'Lyon', 'Amsterdam', 'Berlin', 'München', 'Kraków', 'São Paulo', 'Remote'];

export const SKILLS_BY_DEPARTMENT: Record<string, string[]> = {
  'Executive Office': ['Strategy', 'Finance', 'Public speaking', 'Negotiation'],
  Engineering: ['TypeScript', 'PostgreSQL', 'Kubernetes', 'React', 'Go', 'Security', 'Incident response'],
  Product: ['Roadmapping', 'User research', 'Analytics', 'SQL'],
  Design: ['Figma', 'Accessibility', 'Illustration', 'Design systems'],
  Sales: ['Negotiation', 'Salesforce', 'Prospecting', 'Français', 'Deutsch'],
  Marketing: ['Copywriting', 'SEO', 'Events', 'Photography'],
  'Customer Success': ['Onboarding', 'Training', 'Zendesk', 'Español'],
  Finance: ['Excel', 'Forecasting', 'Payroll', 'Audit'],
  'People & Culture': ['Recruiting', 'Coaching', 'Employment law', 'Onboarding'],
  Operations: ['Logistics', 'Forklift licence', 'First aid', 'Health & safety', 'Planning'],
};

export const POST_LINES = [
  'Shipped the new **release** today — thanks to everyone who tested it over the weekend.',
  'Reminder: the canteen is closed on Friday for the deep clean. Food trucks outside from 11:30.',
  'Who has a good recipe for a team lunch for twelve? Asking for a friend.',
  'Great session with the customer this morning. Three takeaways:\n\n1. They love the mobile app\n2. Search is too slow\n3. They want single sign-on',
  'The quarterly numbers are in: we are **ahead of plan**. Details in the all-hands on Thursday.',
  'Lost: a blue water bottle with stickers, near meeting room *Everest*. Reward: eternal gratitude.',
  'New starters this week — please say hello and show them where the good coffee is.',
  'We are looking for volunteers for the charity run on 14 June. Reply here if you are in!',
  'Incident review for last Tuesday’s outage is published. Short version: a full disk, no alert. Fixed both.',
  'Bienvenue à nos collègues de Lyon qui rejoignent l’équipe opérations !',
  'Does anyone know how to book the big meeting room for a full day?',
  'Safety first: forklift training sessions are open for sign-up, see the link in the group description.',
  'Photo from the team offsite. Best weather we have had in years.',
  'Tip of the week: `Ctrl+K` opens search from anywhere.',
  'Our booth at the trade fair had 400 visitors. Thanks to the marketing team for the setup.',
  'Wir suchen noch Mitfahrer für die Fahrt nach München am Montag.',
  'The new expense policy starts next month. The main change: receipts by photo, no paper.',
  'Can someone from IT look at the printer on the second floor? It only prints in pink.',
  'Happy anniversary to our warehouse team — 10 years at the Kraków site!',
  'Draft of the customer survey is ready for review. Comments by Wednesday, please.',
];

export const COMMENT_LINES = [
  'Great news, congratulations!',
  'Thanks for sharing 🙌',
  'Count me in.',
  'Could you add the slides here?',
  'Merci pour l’info !',
  'I had the same problem last week.',
  '+1, this would help a lot.',
  'Where can I find more details?',
  'Well done, team.',
  'Let’s discuss at the next stand-up.',
];

export const DEMO_POLLS = [
  {
    question: 'Which day suits everyone for the summer party?',
    multiple: false,
    options: ['Friday 3 July', 'Saturday 4 July', 'Friday 10 July'],
  },
  {
    question: 'What should the new canteen serve more of? Pick up to two.',
    multiple: true,
    options: ['Salads', 'Soups', 'Vegetarian dishes', 'Desserts'],
  },
  { question: 'Release train: weekly or every two weeks?', multiple: false, options: ['Weekly', 'Every two weeks'] },
  { question: 'Quel créneau pour le café des langues ?', multiple: false, options: ['Lundi midi', 'Jeudi 17 h'] },
];

export const DEMO_EVENTS = [
  { title: 'All-hands', text: 'Quarterly all-hands: results, plans, and your questions.', place: 'Main hall and online' },
  { title: 'Lunchtime 5 km', text: 'Easy pace, everyone welcome. Showers on the ground floor.', place: 'Front entrance' },
  { title: 'Safety training', text: 'Mandatory refresher for warehouse staff.', place: 'Training room B, Kraków' },
];

export const ANNOUNCEMENT =
  '**New security policy.** From Monday, signing in needs a second factor on every device. ' +
  'Please set it up this week, and mark this post as seen once you have read it.';
