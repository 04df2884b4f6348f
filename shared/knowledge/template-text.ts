import type { Language } from '../roles';
import type { DocumentKind, TEMPLATE_SECTIONS } from './kinds';

/**
 * The words the server writes into a new document, in the document's
 * language: its default title and its sections' headings. The guidance
 * under each heading is only shown, in the reader's language, so it is the
 * client's (client/i18n/editor, `editor.guidance.<section>`).
 */
export interface SectionText {
  heading: string;
}

export interface KindText<K extends DocumentKind> {
  /** The title a new document of this kind gets when its author gives none; empty for a blank page. */
  title: string;
  sections: { readonly [S in (typeof TEMPLATE_SECTIONS)[K][number]]: SectionText };
}

/** Every kind with every one of its sections: a missing one is a compile error. */
export type TemplateText = { readonly [K in DocumentKind]: KindText<K> };

const en: TemplateText = {
  capitalisation: {
    title: 'Capitalisation note',
    sections: {
      context: { heading: 'Context and stakeholders involved' },
      experience: { heading: 'The experience' },
      results: { heading: 'Results and effects' },
      analysis: { heading: 'Analysis' },
      lessons: { heading: 'Lessons learned' },
      recommendations: { heading: 'Recommendations and next steps' },
      voices: { heading: 'Voices and sources' },
    },
  },
  lessons: {
    title: 'Lessons learned record',
    sections: {
      situation: { heading: 'The situation' },
      happened: { heading: 'What happened' },
      lesson: { heading: 'The lesson' },
      recommendation: { heading: 'The recommendation' },
      evidence: { heading: 'The evidence' },
      applies: { heading: 'Where it applies' },
      limits: { heading: 'Where it does not apply' },
    },
  },
  field_finding: {
    title: 'Field finding',
    sections: {
      site: { heading: 'Site' },
      date: { heading: 'Date' },
      method: { heading: 'Method' },
      observations: { heading: 'Observations' },
      data: { heading: 'Data' },
      interpretation: { heading: 'Interpretation' },
      questions: { heading: 'Open questions' },
    },
  },
  trial_log: {
    title: 'Trial-and-error log',
    sections: {
      purpose: { heading: 'Purpose of the trials' },
    },
  },
  free: { title: '', sections: {} },
  workshop: { title: 'Workshop', sections: {} },
};

const fr: TemplateText = {
  capitalisation: {
    title: 'Note de capitalisation',
    sections: {
      context: { heading: 'Contexte et acteurs impliqués' },
      experience: { heading: 'L’expérience' },
      results: { heading: 'Résultats et effets' },
      analysis: { heading: 'Analyse' },
      lessons: { heading: 'Leçons apprises' },
      recommendations: { heading: 'Recommandations et suites à donner' },
      voices: { heading: 'Voix et sources' },
    },
  },
  lessons: {
    title: 'Fiche de leçon apprise',
    sections: {
      situation: { heading: 'La situation' },
      happened: { heading: 'Ce qui s’est passé' },
      lesson: { heading: 'La leçon' },
      recommendation: { heading: 'La recommandation' },
      evidence: { heading: 'Les éléments de preuve' },
      applies: { heading: 'Où elle s’applique' },
      limits: { heading: 'Où elle ne s’applique pas' },
    },
  },
  field_finding: {
    title: 'Constat de terrain',
    sections: {
      site: { heading: 'Lieu' },
      date: { heading: 'Date' },
      method: { heading: 'Méthode' },
      observations: { heading: 'Observations' },
      data: { heading: 'Données' },
      interpretation: { heading: 'Interprétation' },
      questions: { heading: 'Questions ouvertes' },
    },
  },
  trial_log: {
    title: 'Journal d’essais et d’erreurs',
    sections: {
      purpose: { heading: 'Objet des essais' },
    },
  },
  free: { title: '', sections: {} },
  workshop: { title: 'Atelier', sections: {} },
};

const es: TemplateText = {
  capitalisation: {
    title: 'Nota de capitalización',
    sections: {
      context: { heading: 'Contexto y actores involucrados' },
      experience: { heading: 'La experiencia' },
      results: { heading: 'Resultados y efectos' },
      analysis: { heading: 'Análisis' },
      lessons: { heading: 'Lecciones aprendidas' },
      recommendations: { heading: 'Recomendaciones y próximos pasos' },
      voices: { heading: 'Voces y fuentes' },
    },
  },
  lessons: {
    title: 'Ficha de lección aprendida',
    sections: {
      situation: { heading: 'La situación' },
      happened: { heading: 'Qué pasó' },
      lesson: { heading: 'La lección' },
      recommendation: { heading: 'La recomendación' },
      evidence: { heading: 'La evidencia' },
      applies: { heading: 'Dónde se aplica' },
      limits: { heading: 'Dónde no se aplica' },
    },
  },
  field_finding: {
    title: 'Hallazgo de campo',
    sections: {
      site: { heading: 'Lugar' },
      date: { heading: 'Fecha' },
      method: { heading: 'Método' },
      observations: { heading: 'Observaciones' },
      data: { heading: 'Datos' },
      interpretation: { heading: 'Interpretación' },
      questions: { heading: 'Preguntas abiertas' },
    },
  },
  trial_log: {
    title: 'Bitácora de ensayo y error',
    sections: {
      purpose: { heading: 'Propósito de los ensayos' },
    },
  },
  free: { title: '', sections: {} },
  workshop: { title: 'Taller', sections: {} },
};

export const TEMPLATE_TEXT: Readonly<Record<Language, TemplateText>> = { en, fr, es };

/** The title a new document of `kind` gets when its author gives none. */
export function defaultTitle(kind: DocumentKind, language: Language): string {
  return TEMPLATE_TEXT[language][kind].title;
}

/** A section's heading; the kind's section ids are all there, as TemplateText requires. */
export function sectionText<K extends DocumentKind>(
  kind: K,
  section: (typeof TEMPLATE_SECTIONS)[K][number],
  language: Language,
): SectionText {
  const sections: Readonly<Record<string, SectionText>> = TEMPLATE_TEXT[language][kind].sections;
  return sections[section]!;
}
