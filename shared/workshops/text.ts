import type { Language } from '../roles';
import type { WorkshopColumn, WorkshopFormat } from './formats';

/**
 * What the server writes about a workshop in people's documents — the
 * synthesis it drafts, the board it exports — in the document's language.
 * (The live room's words are the client's, in its dictionaries.)
 */
export interface WorkshopText {
  formats: Record<WorkshopFormat, string>;
  columns: Record<WorkshopColumn, string>;
  votes: (n: number) => string;
  fromWorkshop: (title: string, date: string) => string;
  objective: string;
  participants: (people: number, organisations: number) => string;
  synthesisTitle: (title: string) => string;
  unclustered: string;
  anonymous: string;
}

const en: WorkshopText = {
  formats: { after_action_review: 'After-action review', capitalisation: 'Capitalisation workshop', trial_review: 'Trial review' },
  columns: {
    planned: 'What was planned',
    happened: 'What happened',
    why: 'Why',
    differently: 'What we will do differently',
    context: 'Context',
    actions: 'What we did',
    results: 'Results',
    lessons: 'Lessons',
    recommendations: 'Recommendations',
    tried: 'What we tried',
    learned: 'What we learned',
    next: 'What next',
  },
  votes: (n) => (n === 1 ? '1 vote' : `${n} votes`),
  fromWorkshop: (title, date) => `From the workshop “${title}” (${date})`,
  objective: 'Objective',
  participants: (people, organisations) => `${people} participants from ${organisations} organisations`,
  synthesisTitle: (title) => `Lessons from “${title}”`,
  unclustered: 'Single note',
  anonymous: 'anonymous',
};

const fr: WorkshopText = {
  formats: { after_action_review: 'Revue après action', capitalisation: 'Atelier de capitalisation', trial_review: 'Revue d’essai' },
  columns: {
    planned: 'Ce qui était prévu',
    happened: 'Ce qui s’est passé',
    why: 'Pourquoi',
    differently: 'Ce que nous ferons autrement',
    context: 'Contexte',
    actions: 'Ce que nous avons fait',
    results: 'Résultats',
    lessons: 'Leçons',
    recommendations: 'Recommandations',
    tried: 'Ce que nous avons essayé',
    learned: 'Ce que nous avons appris',
    next: 'La suite',
  },
  votes: (n) => (n <= 1 ? `${n} vote` : `${n} votes`),
  fromWorkshop: (title, date) => `Issu de l’atelier « ${title} » (${date})`,
  objective: 'Objectif',
  participants: (people, organisations) => `${people} participants de ${organisations} organisations`,
  synthesisTitle: (title) => `Leçons de « ${title} »`,
  unclustered: 'Note seule',
  anonymous: 'anonyme',
};

const es: WorkshopText = {
  formats: { after_action_review: 'Revisión después de la acción', capitalisation: 'Taller de capitalización', trial_review: 'Revisión de ensayo' },
  columns: {
    planned: 'Lo que estaba previsto',
    happened: 'Lo que pasó',
    why: 'Por qué',
    differently: 'Lo que haremos de otra manera',
    context: 'Contexto',
    actions: 'Lo que hicimos',
    results: 'Resultados',
    lessons: 'Lecciones',
    recommendations: 'Recomendaciones',
    tried: 'Lo que probamos',
    learned: 'Lo que aprendimos',
    next: 'Próximos pasos',
  },
  votes: (n) => (n === 1 ? '1 voto' : `${n} votos`),
  fromWorkshop: (title, date) => `Del taller «${title}» (${date})`,
  objective: 'Objetivo',
  participants: (people, organisations) => `${people} participantes de ${organisations} organizaciones`,
  synthesisTitle: (title) => `Lecciones de «${title}»`,
  unclustered: 'Nota suelta',
  anonymous: 'anónima',
};

export const WORKSHOP_TEXT: Readonly<Record<Language, WorkshopText>> = { en, fr, es };
