import type { CreateProjectInput } from '../../shared/api';
import type { DocumentKind, DocumentStatus, TEMPLATE_SECTIONS, TrialOutcome } from '../../shared/knowledge/kinds';
import type { TrialTextField } from '../../shared/knowledge/trial-log';
import type { Language, Role, StakeholderKind } from '../../shared/roles';
import type { WorkshopColumn } from '../../shared/workshops/formats';

/** The words of the sample programme: who takes part, the projects, and what their documents say. */

/** One partner of each kind, with a colour of its own. */
export const ORGANISATIONS: Readonly<Record<StakeholderKind, { name: string; country: string; color: string }>> = {
  ngo: { name: 'Terre Solidaire Sahel', country: 'SN', color: '#1d4ed8' },
  farmers_organisation: { name: 'Union des producteurs de Ségou', country: 'ML', color: '#047857' },
  academic: { name: 'Universidad Agraria del Altiplano', country: 'PE', color: '#7c3aed' },
  public_body: { name: 'Direction régionale de l’agriculture du Centre-Nord', country: 'BF', color: '#b45309' },
  private_sector: { name: 'Semillas Vivas — empresa social', country: 'CO', color: '#be185d' },
  local_expertise: { name: 'Kawsay — saberes andinos', country: 'BO', color: '#0e7490' },
  network: { name: 'Seed Savers Network West Africa', country: 'GH', color: '#b91c1c' },
};

export interface DemoPerson {
  name: string;
  /** The part of the email before the demo domain. */
  mailbox: string;
  /** The same in every sample project they belong to. */
  role: Role;
  organisation: StakeholderKind;
  language: Language;
}

export const PEOPLE = {
  awa: { name: 'Awa Diop', mailbox: 'awa.diop', role: 'owner', organisation: 'ngo', language: 'fr' },
  moussa: { name: 'Moussa Traoré', mailbox: 'moussa.traore', role: 'facilitator', organisation: 'farmers_organisation', language: 'fr' },
  lucia: { name: 'Lucía Quispe', mailbox: 'lucia.quispe', role: 'facilitator', organisation: 'academic', language: 'es' },
  grace: { name: 'Grace Mensah', mailbox: 'grace.mensah', role: 'editor', organisation: 'network', language: 'en' },
  rosa: { name: 'Rosa Mamani', mailbox: 'rosa.mamani', role: 'editor', organisation: 'local_expertise', language: 'es' },
  fatoumata: { name: 'Fatoumata Ouédraogo', mailbox: 'fatoumata.ouedraogo', role: 'commenter', organisation: 'public_body', language: 'fr' },
  carlos: { name: 'Carlos Restrepo', mailbox: 'carlos.restrepo', role: 'commenter', organisation: 'private_sector', language: 'es' },
  kofi: { name: 'Kofi Boateng', mailbox: 'kofi.boateng', role: 'viewer', organisation: 'network', language: 'en' },
} as const satisfies Record<string, DemoPerson>;
export type PersonKey = keyof typeof PEOPLE;

/** Signs up first, so the instance's administrator, and creates both projects. */
export const OWNER: PersonKey = 'awa';

export const PROGRAMME = 'Living Soils, Living Seeds';

export interface DemoProject {
  input: (year: number) => CreateProjectInput;
  /** Everyone but the owner, who created it; each joins with their role, and their organisation becomes a partner. */
  members: readonly PersonKey[];
}

export const PROJECTS: readonly DemoProject[] = [
  {
    input: (year) => ({
      title: 'Banques de semences paysannes au Sahel',
      programme: PROGRAMME,
      summary:
        'Renforcer 24 banques de semences communautaires au Sénégal, au Mali et au Burkina Faso : variétés locales de mil, de sorgho et de niébé, foires aux semences et essais paysans, avec les services agricoles et la recherche.',
      countries: ['SN', 'ML', 'BF'],
      themes: ['seeds', 'agroecology', 'climate adaptation'],
      startsOn: `${year - 1}-01-01`,
      endsOn: `${year + 1}-12-31`,
    }),
    members: ['moussa', 'lucia', 'grace', 'rosa', 'fatoumata', 'carlos', 'kofi'],
  },
  {
    input: (year) => ({
      title: 'Transición agroecológica en los Andes',
      programme: PROGRAMME,
      summary:
        'Acompañar a 12 comunidades de Cusco, Puno y Potosí en la transición agroecológica: abonos orgánicos, rotación de cultivos andinos y venta directa en ferias locales, con la universidad, una empresa social de semillas y promotores locales.',
      countries: ['PE', 'BO', 'CO'],
      themes: ['agroecology', 'soil health', 'markets'],
      startsOn: `${year - 1}-07-01`,
      endsOn: `${year + 2}-06-30`,
    }),
    members: ['lucia', 'moussa', 'rosa', 'carlos', 'kofi'],
  },
];

/** What a new document of a kind asks for, section by section: every one of them is written. */
export type Sections<K extends DocumentKind> = { readonly [S in (typeof TEMPLATE_SECTIONS)[K][number]]: readonly string[] };

export interface DemoTrialEntry {
  daysAgo: number;
  outcome: TrialOutcome | '';
  texts: Partial<Record<TrialTextField, string>>;
}

export type DemoContent =
  | { kind: 'capitalisation'; sections: Sections<'capitalisation'> }
  | { kind: 'lessons'; sections: Sections<'lessons'> }
  | { kind: 'field_finding'; sections: Sections<'field_finding'> }
  | { kind: 'trial_log'; sections: Sections<'trial_log'>; entries: readonly DemoTrialEntry[] }
  | { kind: 'free'; blocks: ReadonlyArray<{ heading: string; paragraphs: readonly string[] }> };

export interface DemoDocument {
  /** Index in PROJECTS. */
  project: number;
  title: string;
  language: Language;
  /** Who wrote it: the first creates it and labels it; all of them count as contributors. */
  authors: readonly [PersonKey, ...PersonKey[]];
  themes: string[];
  tags: string[];
  /** Moves of its status, in order, each by someone whose role allows it. */
  moves: ReadonlyArray<{ to: DocumentStatus; by: PersonKey }>;
  content: DemoContent;
}

export const DOCUMENTS: readonly DemoDocument[] = [
  {
    project: 0,
    title: 'Community seed banks in Ségou: ten years of farmer-managed seed',
    language: 'en',
    authors: ['grace', 'awa', 'moussa'],
    themes: ['seeds', 'agroecology'],
    tags: ['Mali', 'seed banks', 'women'],
    moves: [
      { to: 'in_review', by: 'grace' },
      { to: 'validated', by: 'moussa' },
      { to: 'published', by: 'awa' },
    ],
    content: {
      kind: 'capitalisation',
      sections: {
        context: [
          'Since 2014, farmers’ groups in the Ségou region of Mali have run village seed banks to keep the local millet, sorghum and cowpea varieties that certified seed catalogues ignore.',
          'The Union des producteurs de Ségou manages the banks; Terre Solidaire Sahel trains the committees; the regional agriculture directorate follows seed regulation; the Seed Savers Network West Africa links the banks with those of neighbouring countries.',
        ],
        experience: [
          'Each bank is run by an elected committee of five, at least two of them women. Members deposit seed after the harvest and borrow it at sowing time, returning one and a half times what they borrowed.',
          'Every year a seed fair brings together the banks of a commune to swap varieties. Germination is tested at each deposit, and seed is stored in hermetic bags in a community store.',
        ],
        results: [
          '24 banks now hold 61 local varieties, 14 of which had disappeared from the fields around them.',
          'In the 2022 drought, households in villages with a bank sowed again within a week, against three weeks elsewhere. Women’s groups manage 9 of the 24 banks.',
        ],
        analysis: [
          'The banks worked where the committee was trusted and the rules were written down and read aloud every year. They struggled where seed was lent without repayment rules, or kept in a member’s house rather than a community store.',
        ],
        lessons: [
          'A seed bank is a social institution before it is a store: clear, shared rules matter more than buildings.',
          'Germination tests at every deposit are what make farmers trust the seed they borrow.',
        ],
        recommendations: [
          'Start with an existing group and written rules before building anything. Budget hermetic bags and a germination kit for each bank.',
          'Involve the agriculture directorate early, so that farmers’ varieties are recognised by the seed regulation.',
        ],
        voices: [
          '“Before, when the rains failed, we had to buy seed we did not know. Now we borrow from our own bank, varieties our mothers grew.” — Mariam Coulibaly, committee member, Dioro',
        ],
      },
    },
  },
  {
    project: 0,
    title: 'Tests de germination à la foire aux semences de Kaya',
    language: 'fr',
    authors: ['moussa', 'awa'],
    themes: ['seeds'],
    tags: ['Burkina Faso', 'germination', 'foire aux semences'],
    moves: [{ to: 'in_review', by: 'moussa' }],
    content: {
      kind: 'field_finding',
      sections: {
        site: ['Foire aux semences de Kaya (Centre-Nord, Burkina Faso), où 14 banques de semences étaient représentées.'],
        date: ['Deux journées de foire à la fin de la saison sèche, trois semaines avant les premiers semis.'],
        method: [
          'Test de germination sur papier buvard : 100 graines par lot, 4 répétitions, comptage au cinquième jour. 42 lots de mil, de sorgho et de niébé tirés au hasard parmi les lots exposés.',
        ],
        observations: [
          'Les lots conservés en sacs hermétiques étaient plus propres et sans trous de bruches. Plusieurs producteurs ne connaissaient pas l’âge de leur semence.',
          'Les lots de niébé conservés en jarre avec de la cendre étaient en bon état.',
        ],
        data: [
          'Germination moyenne : mil 86 %, sorgho 79 %, niébé 71 %. Lots en sacs hermétiques : 84 % ; lots en sacs tissés : 63 %. 7 lots sur 42 sous le seuil de 60 %.',
        ],
        interpretation: [
          'Le mode de conservation pèse plus que la variété sur la qualité de la semence : les lots sous 60 % étaient tous des semences de plus d’un an en sacs tissés.',
        ],
        questions: [
          'Le coût des sacs hermétiques est-il supportable pour chaque banque ? Faut-il un test de germination obligatoire avant chaque foire ? À discuter avec la Direction régionale de l’agriculture.',
        ],
      },
    },
  },
  {
    project: 0,
    title: 'Journal d’essais : redonner de la fertilité aux champs de mil',
    language: 'fr',
    authors: ['moussa', 'awa'],
    themes: ['soil health', 'climate adaptation'],
    tags: ['Mali', 'mil', 'zaï'],
    moves: [],
    content: {
      kind: 'trial_log',
      sections: {
        purpose: [
          'Tester avec six familles de Ségou des pratiques simples pour redonner de la fertilité aux champs de mil dégradés, et noter franchement ce qui marche et ce qui ne marche pas.',
        ],
      },
      entries: [
        {
          daysAgo: 150,
          outcome: 'worked',
          texts: {
            tried: 'Zaï avec une poignée de compost (environ 300 g) par poquet, sur un quart d’hectare de sol encroûté.',
            hypothesis: 'Le compost concentré dans le poquet retient l’eau des premières pluies et relance la levée.',
            conditions: 'Sol gravillonnaire ; première pluie utile fin juin ; six producteurs et productrices.',
            happened: 'Levée de 85 % contre 40 % sur la parcelle témoin ; épis nettement plus longs à la récolte.',
            learned: 'Le zaï paie sur les sols les plus dégradés, à condition que le compost soit prêt avant les pluies.',
            next: 'Lancer la production de compost dès mars avec les groupements de femmes.',
            participants: 'Moussa Traoré et six familles de Dioro',
          },
        },
        {
          daysAgo: 120,
          outcome: 'partly',
          texts: {
            tried: 'Semis à sec de la variété locale Sanioba, une semaine avant la première pluie.',
            hypothesis: 'Semer avant la pluie fait gagner dix jours de saison.',
            conditions: 'Sols sableux ; semis mi-juin, première pluie une semaine plus tard ; cinq parcelles.',
            happened: 'Bonne levée dans trois parcelles sur cinq ; dans les deux autres, les fourmis ont mangé les graines.',
            learned: 'Le semis à sec fait gagner du temps, mais la semence doit être protégée.',
            next: 'Refaire l’essai avec des semences enrobées de cendre et de poudre de neem.',
            participants: 'Cinq producteurs de Dioro',
          },
        },
        {
          daysAgo: 75,
          outcome: 'did_not_work',
          texts: {
            tried: 'Biofertilisant liquide acheté au marché, pulvérisé trente jours après le semis.',
            hypothesis: 'Le produit annonce +30 % de rendement.',
            conditions: 'Trois parcelles de même variété semées le même jour ; une moitié de chaque parcelle traitée, l’autre non.',
            happened: 'Aucune différence visible avec la parcelle témoin, pour un coût de 12 000 FCFA par hectare.',
            learned: 'Sans contrôle de qualité, les biofertilisants du marché ne valent pas leur prix.',
            next: 'Faire analyser tout produit par l’université avant un nouvel achat.',
            participants: 'Trois familles de Dioro',
          },
        },
        {
          daysAgo: 12,
          outcome: 'too_early',
          texts: {
            tried: 'Association mil–niébé en rangs alternés (deux rangs de mil pour un de niébé).',
            hypothesis: 'Le niébé couvre le sol et apporte de l’azote au mil.',
            conditions: 'Une parcelle par famille, semée après la première pluie utile, avec les variétés locales.',
            happened: 'Le niébé est en floraison ; les pesées se feront à la récolte.',
            next: 'Peser séparément le mil et le niébé à la récolte, avec les fiches de suivi.',
            participants: 'Six familles de Dioro',
          },
        },
      ],
    },
  },
  {
    project: 1,
    title: 'Los bioles caseros necesitan control de calidad',
    language: 'es',
    authors: ['rosa', 'lucia'],
    themes: ['soil health', 'agroecology'],
    tags: ['Perú', 'biol', 'papa'],
    moves: [
      { to: 'in_review', by: 'rosa' },
      { to: 'validated', by: 'lucia' },
    ],
    content: {
      kind: 'lessons',
      sections: {
        situation: [
          'En 12 comunidades de Cusco y Puno, las familias preparan biol —un abono líquido fermentado de estiércol, leche y plantas locales— para reemplazar la urea en la papa y el haba.',
        ],
        happened: [
          'En la última campaña, las parcelas con biol rindieron entre un 5 % y un 40 % más que sin abono, pero los resultados variaron mucho de una familia a otra.',
          'Los análisis de la universidad mostraron que la mitad de los bioles tenía muy poco nitrógeno, por fermentación incompleta o exceso de agua.',
        ],
        lesson: [
          'El biol funciona cuando está bien preparado: sin una prueba sencilla de calidad, las familias no saben si su biol sirve y pierden confianza en la práctica.',
        ],
        recommendation: [
          'Acompañar cada preparación con una prueba de olor, color y pH, y respetar al menos 60 días de fermentación en altura. Formar promotores locales que revisen los bioles antes de aplicarlos.',
        ],
        evidence: [
          'Análisis de 36 muestras en el laboratorio de suelos de la Universidad Agraria del Altiplano; registros de rendimiento de 48 parcelas; dos talleres de devolución con las familias.',
        ],
        applies: ['Zonas altoandinas, entre 3 300 y 4 000 m, donde el frío hace lenta la fermentación.'],
        limits: ['Una sola campaña, con lluvias normales. No medimos los efectos en el suelo a largo plazo.'],
      },
    },
  },
  {
    project: 1,
    title: 'Acta de la reunión de arranque del intercambio Sur-Sur',
    language: 'es',
    authors: ['lucia', 'moussa'],
    themes: ['agroecology'],
    tags: ['intercambio', 'reunión'],
    moves: [],
    content: {
      kind: 'free',
      blocks: [
        {
          heading: 'Participantes',
          paragraphs: [
            'Universidad Agraria del Altiplano, Kawsay, Semillas Vivas, Terre Solidaire Sahel y la Union des producteurs de Ségou, por videollamada desde Cusco y Ségou.',
          ],
        },
        {
          heading: 'Acuerdos',
          paragraphs: [
            'Las organizaciones de productores de Ségou compartirán su experiencia de bancos de semillas; las comunidades andinas, la suya con los bioles.',
            'Cada socio escribe al menos una ficha de hallazgo de campo antes de la visita, en su idioma.',
          ],
        },
        {
          heading: 'Próximos pasos',
          paragraphs: ['Lucía prepara el programa de la visita a Puno. Moussa confirma las fechas de la feria de semillas de Ségou.'],
        },
      ],
    },
  },
];

export interface DemoNote {
  author: PersonKey;
  column: WorkshopColumn;
  text: string;
  anonymous?: boolean;
  /** Who put a dot on it. */
  dots: readonly PersonKey[];
}

/** A workshop midway through: notes written, two clusters, dots placed but not yet revealed. */
export const WORKSHOP = {
  project: 0,
  facilitator: 'moussa' as PersonKey,
  title: 'Revue après action : la campagne 2025 des banques de semences',
  objective: 'Comprendre pourquoi trois banques sur sept n’ont pas reconstitué leur stock, et décider ce que nous ferons autrement.',
  format: 'after_action_review' as const,
  clusters: [
    { column: 'why' as WorkshopColumn, title: 'Calendrier des pluies', notes: [3, 4] },
    { column: 'differently' as WorkshopColumn, title: 'Gestion des stocks', notes: [6, 7] },
  ],
  notes: [
    { author: 'moussa', column: 'planned', text: 'Sept banques reconstituent 120 % de leur stock après la récolte.', dots: [] },
    { author: 'fatoumata', column: 'happened', text: 'Quatre banques ont atteint l’objectif, trois sont restées sous 60 %.', dots: ['grace'] },
    { author: 'grace', column: 'happened', text: 'Remboursements en nature arrivés après la fenêtre de semis.', dots: ['moussa'] },
    { author: 'rosa', column: 'why', text: 'Les premières pluies sont arrivées trois semaines en retard.', dots: ['fatoumata', 'carlos', 'lucia'] },
    { author: 'carlos', column: 'why', text: 'Les variétés à cycle court manquaient dans les trois villages.', anonymous: true, dots: ['rosa', 'grace'] },
    { author: 'lucia', column: 'why', text: 'Personne ne suivait les stocks entre deux assemblées.', dots: ['moussa', 'carlos'] },
    { author: 'fatoumata', column: 'differently', text: 'Un registre de stock tenu chaque mois par le comité.', dots: ['lucia', 'rosa', 'fatoumata'] },
    { author: 'grace', column: 'differently', text: 'Échanger des semences entre banques avant le semis.', anonymous: true, dots: ['grace'] },
  ] satisfies readonly DemoNote[] as readonly DemoNote[],
};
