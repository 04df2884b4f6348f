import type { Language } from '../roles';
import { DOCUMENT_KINDS, type DocumentKind, type TEMPLATE_SECTIONS } from './kinds';

/**
 * The words of the templates. A section's heading becomes the document's
 * content, in the document's language; its guidance is only shown, as a hint
 * in the empty paragraph below the heading, in the reader's language.
 * Guidance is written for a partner who has never written such a document.
 */
export interface SectionText {
  heading: string;
  guidance: string;
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
      context: {
        heading: 'Context and stakeholders involved',
        guidance:
          'Describe the place, the period and the problem the experience set out to address. Name the organisations and people involved, and the role each one played.',
      },
      experience: {
        heading: 'The experience',
        guidance:
          'Tell what was done, by whom and when, step by step. Someone who was not there should be able to follow what happened.',
      },
      results: {
        heading: 'Results and effects',
        guidance:
          'What changed because of the experience, for whom, and how do you know? Include unexpected effects too, good or bad.',
      },
      analysis: {
        heading: 'Analysis',
        guidance:
          'What worked, what did not, and why? Look for the conditions, choices and constraints that explain the results.',
      },
      lessons: {
        heading: 'Lessons learned',
        guidance:
          'What would you tell a partner who wants to do something similar? Write each lesson as a short statement that holds beyond this project.',
      },
      recommendations: {
        heading: 'Recommendations and next steps',
        guidance:
          'Who should do what now, in this project and elsewhere? Name the actions, who is responsible and by when.',
      },
      voices: {
        heading: 'Voices and sources',
        guidance:
          'Quote the people involved in their own words, and list the documents, data and interviews this note draws on.',
      },
    },
  },
  lessons: {
    title: 'Lessons learned record',
    sections: {
      situation: {
        heading: 'The situation',
        guidance: 'Describe the context in a few lines: where, when, who was involved and what you were trying to achieve.',
      },
      happened: {
        heading: 'What happened',
        guidance: 'Tell the facts: what was done, what went as planned and what did not.',
      },
      lesson: {
        heading: 'The lesson',
        guidance:
          'Say in one or two sentences what you learned: something others can use, not only an account of what happened.',
      },
      recommendation: {
        heading: 'The recommendation',
        guidance: 'Say what should be done differently, or kept, next time, and by whom.',
      },
      evidence: {
        heading: 'The evidence',
        guidance:
          'What supports this lesson? Mention the data, observations, testimonies or documents, and how reliable they are.',
      },
      applies: {
        heading: 'Where it applies',
        guidance: 'Describe the situations, places or kinds of partners for which this lesson holds.',
      },
      limits: {
        heading: 'Where it does not apply',
        guidance:
          'Say when this lesson would not hold, or would need adapting: other contexts, other scales, other conditions.',
      },
    },
  },
  field_finding: {
    title: 'Field finding',
    sections: {
      site: {
        heading: 'Site',
        guidance:
          'Where were the observations made? Give the village, municipality or plot, and the GPS coordinates if you have them.',
      },
      date: {
        heading: 'Date',
        guidance:
          'When were the observations made? Give the date or period, and the season or crop stage if it matters.',
      },
      method: {
        heading: 'Method',
        guidance:
          'How did you gather the information: interviews, measurements, group discussion, direct observation? Say who took part and how many people.',
      },
      observations: {
        heading: 'Observations',
        guidance: 'Describe what you saw and heard, as factually as you can. Keep your interpretation for later.',
      },
      data: {
        heading: 'Data',
        guidance:
          'Add the figures, tables or measurements, with their units and sources. Say where the raw data are kept.',
      },
      interpretation: {
        heading: 'Interpretation',
        guidance:
          'What do these observations mean? Compare them with what you expected and with what was seen at other sites.',
      },
      questions: {
        heading: 'Open questions',
        guidance: 'What remains unclear, and what should be checked or observed next?',
      },
    },
  },
  trial_log: {
    title: 'Trial-and-error log',
    sections: {
      purpose: {
        heading: 'Purpose of the trials',
        guidance:
          'What do you want to find out or improve with this series of trials? Describe the problem, the starting point and how you will know that a trial worked.',
      },
    },
  },
  free: { title: '', sections: {} },
};

const fr: TemplateText = {
  capitalisation: {
    title: 'Note de capitalisation',
    sections: {
      context: {
        heading: 'Contexte et acteurs impliqués',
        guidance:
          'Décrivez le lieu, la période et le problème auquel l’expérience voulait répondre. Nommez les organisations et les personnes impliquées, et le rôle de chacune.',
      },
      experience: {
        heading: 'L’expérience',
        guidance:
          'Racontez ce qui a été fait, par qui et quand, étape par étape. Une personne qui n’était pas là doit pouvoir suivre le déroulement.',
      },
      results: {
        heading: 'Résultats et effets',
        guidance:
          'Qu’est-ce qui a changé grâce à l’expérience, pour qui, et comment le savez-vous\u00a0? Mentionnez aussi les effets inattendus, positifs ou négatifs.',
      },
      analysis: {
        heading: 'Analyse',
        guidance:
          'Qu’est-ce qui a fonctionné, qu’est-ce qui n’a pas fonctionné, et pourquoi\u00a0? Cherchez les conditions, les choix et les contraintes qui expliquent les résultats.',
      },
      lessons: {
        heading: 'Leçons apprises',
        guidance:
          'Que diriez-vous à un partenaire qui veut faire quelque chose de semblable\u00a0? Formulez chaque leçon en une phrase courte, valable au-delà de ce projet.',
      },
      recommendations: {
        heading: 'Recommandations et suites à donner',
        guidance:
          'Qui devrait faire quoi maintenant, dans ce projet et ailleurs\u00a0? Précisez les actions, les responsables et les échéances.',
      },
      voices: {
        heading: 'Voix et sources',
        guidance:
          'Citez les personnes concernées avec leurs propres mots, et indiquez les documents, les données et les entretiens sur lesquels s’appuie cette note.',
      },
    },
  },
  lessons: {
    title: 'Fiche de leçon apprise',
    sections: {
      situation: {
        heading: 'La situation',
        guidance:
          'Décrivez le contexte en quelques lignes\u00a0: où, quand, qui était impliqué et ce que vous cherchiez à obtenir.',
      },
      happened: {
        heading: 'Ce qui s’est passé',
        guidance: 'Racontez les faits\u00a0: ce qui a été fait, ce qui s’est déroulé comme prévu et ce qui ne l’a pas été.',
      },
      lesson: {
        heading: 'La leçon',
        guidance:
          'Énoncez en une ou deux phrases ce que vous avez appris\u00a0: un enseignement utile à d’autres, pas seulement le récit des faits.',
      },
      recommendation: {
        heading: 'La recommandation',
        guidance: 'Dites ce qu’il faudrait faire autrement, ou conserver, la prochaine fois, et par qui.',
      },
      evidence: {
        heading: 'Les éléments de preuve',
        guidance:
          'Sur quoi repose cette leçon\u00a0? Mentionnez les données, observations, témoignages ou documents, et leur degré de fiabilité.',
      },
      applies: {
        heading: 'Où elle s’applique',
        guidance: 'Décrivez les situations, les lieux ou les types de partenaires pour lesquels cette leçon est valable.',
      },
      limits: {
        heading: 'Où elle ne s’applique pas',
        guidance:
          'Précisez quand cette leçon ne tiendrait pas, ou devrait être adaptée\u00a0: autres contextes, autres échelles, autres conditions.',
      },
    },
  },
  field_finding: {
    title: 'Constat de terrain',
    sections: {
      site: {
        heading: 'Lieu',
        guidance:
          'Où les observations ont-elles été faites\u00a0? Indiquez le village, la commune ou la parcelle, et les coordonnées GPS si vous les avez.',
      },
      date: {
        heading: 'Date',
        guidance:
          'Quand les observations ont-elles été faites\u00a0? Indiquez la date ou la période, et la saison ou le stade de la culture si c’est utile.',
      },
      method: {
        heading: 'Méthode',
        guidance:
          'Comment avez-vous recueilli l’information\u00a0: entretiens, mesures, discussion de groupe, observation directe\u00a0? Précisez qui y a participé, et combien de personnes.',
      },
      observations: {
        heading: 'Observations',
        guidance:
          'Décrivez ce que vous avez vu et entendu, de la façon la plus factuelle possible. Gardez votre interprétation pour plus loin.',
      },
      data: {
        heading: 'Données',
        guidance:
          'Ajoutez les chiffres, tableaux ou mesures, avec leurs unités et leurs sources. Indiquez où les données brutes sont conservées.',
      },
      interpretation: {
        heading: 'Interprétation',
        guidance:
          'Que signifient ces observations\u00a0? Comparez-les à ce que vous attendiez et à ce qui a été observé sur d’autres sites.',
      },
      questions: {
        heading: 'Questions ouvertes',
        guidance: 'Qu’est-ce qui reste incertain, et que faudrait-il vérifier ou observer ensuite\u00a0?',
      },
    },
  },
  trial_log: {
    title: 'Journal d’essais et d’erreurs',
    sections: {
      purpose: {
        heading: 'Objet des essais',
        guidance:
          'Que cherchez-vous à comprendre ou à améliorer avec cette série d’essais\u00a0? Décrivez le problème, la situation de départ et comment vous saurez qu’un essai a réussi.',
      },
    },
  },
  free: { title: '', sections: {} },
};

const es: TemplateText = {
  capitalisation: {
    title: 'Nota de capitalización',
    sections: {
      context: {
        heading: 'Contexto y actores involucrados',
        guidance:
          'Describa el lugar, el periodo y el problema al que buscaba responder la experiencia. Nombre a las organizaciones y personas involucradas y el papel de cada una.',
      },
      experience: {
        heading: 'La experiencia',
        guidance:
          'Cuente qué se hizo, quién lo hizo y cuándo, paso a paso. Alguien que no estuvo allí debe poder seguir lo que pasó.',
      },
      results: {
        heading: 'Resultados y efectos',
        guidance:
          '¿Qué cambió gracias a la experiencia, para quién y cómo lo sabe? Incluya también los efectos inesperados, positivos o negativos.',
      },
      analysis: {
        heading: 'Análisis',
        guidance:
          '¿Qué funcionó, qué no funcionó y por qué? Busque las condiciones, decisiones y limitaciones que explican los resultados.',
      },
      lessons: {
        heading: 'Lecciones aprendidas',
        guidance:
          '¿Qué le diría a una organización socia que quiere hacer algo parecido? Formule cada lección en una frase corta, válida más allá de este proyecto.',
      },
      recommendations: {
        heading: 'Recomendaciones y próximos pasos',
        guidance:
          '¿Quién debería hacer qué ahora, en este proyecto y en otros? Precise las acciones, las personas responsables y los plazos.',
      },
      voices: {
        heading: 'Voces y fuentes',
        guidance:
          'Cite a las personas involucradas con sus propias palabras e indique los documentos, datos y entrevistas en los que se basa esta nota.',
      },
    },
  },
  lessons: {
    title: 'Ficha de lección aprendida',
    sections: {
      situation: {
        heading: 'La situación',
        guidance:
          'Describa el contexto en pocas líneas: dónde, cuándo, quiénes participaron y qué se buscaba lograr.',
      },
      happened: {
        heading: 'Qué pasó',
        guidance: 'Cuente los hechos: qué se hizo, qué salió según lo previsto y qué no.',
      },
      lesson: {
        heading: 'La lección',
        guidance:
          'Exprese en una o dos frases lo que aprendió: algo que otras personas puedan aprovechar, no solo el relato de los hechos.',
      },
      recommendation: {
        heading: 'La recomendación',
        guidance: 'Diga qué habría que hacer de otra manera, o mantener, la próxima vez, y quién debería hacerlo.',
      },
      evidence: {
        heading: 'La evidencia',
        guidance:
          '¿En qué se apoya esta lección? Mencione los datos, observaciones, testimonios o documentos, y su grado de fiabilidad.',
      },
      applies: {
        heading: 'Dónde se aplica',
        guidance: 'Describa las situaciones, los lugares o los tipos de organizaciones para los que esta lección es válida.',
      },
      limits: {
        heading: 'Dónde no se aplica',
        guidance:
          'Indique cuándo esta lección no sería válida o tendría que adaptarse: otros contextos, otras escalas, otras condiciones.',
      },
    },
  },
  field_finding: {
    title: 'Hallazgo de campo',
    sections: {
      site: {
        heading: 'Lugar',
        guidance:
          '¿Dónde se hicieron las observaciones? Indique la comunidad, el municipio o la parcela, y las coordenadas GPS si las tiene.',
      },
      date: {
        heading: 'Fecha',
        guidance:
          '¿Cuándo se hicieron las observaciones? Indique la fecha o el periodo, y la temporada o la etapa del cultivo si es relevante.',
      },
      method: {
        heading: 'Método',
        guidance:
          '¿Cómo recogió la información: entrevistas, mediciones, grupo focal, observación directa? Indique quiénes participaron y cuántas personas.',
      },
      observations: {
        heading: 'Observaciones',
        guidance: 'Describa lo que vio y escuchó, de la forma más objetiva posible. Deje su interpretación para más adelante.',
      },
      data: {
        heading: 'Datos',
        guidance:
          'Añada las cifras, tablas o mediciones, con sus unidades y fuentes. Indique dónde se guardan los datos brutos.',
      },
      interpretation: {
        heading: 'Interpretación',
        guidance:
          '¿Qué significan estas observaciones? Compárelas con lo que esperaba y con lo observado en otros lugares.',
      },
      questions: {
        heading: 'Preguntas abiertas',
        guidance: '¿Qué sigue sin estar claro y qué habría que verificar u observar después?',
      },
    },
  },
  trial_log: {
    title: 'Bitácora de ensayo y error',
    sections: {
      purpose: {
        heading: 'Propósito de los ensayos',
        guidance:
          '¿Qué quiere entender o mejorar con esta serie de ensayos? Describa el problema, la situación de partida y cómo sabrá que un ensayo funcionó.',
      },
    },
  },
  free: { title: '', sections: {} },
};

export const TEMPLATE_TEXT: Readonly<Record<Language, TemplateText>> = { en, fr, es };

/** The title a new document of `kind` gets when its author gives none. */
export function defaultTitle(kind: DocumentKind, language: Language): string {
  return TEMPLATE_TEXT[language][kind].title;
}

/** A section's heading and guidance; the kind's section ids are all there, as TemplateText requires. */
export function sectionText<K extends DocumentKind>(
  kind: K,
  section: (typeof TEMPLATE_SECTIONS)[K][number],
  language: Language,
): SectionText {
  const sections: Readonly<Record<string, SectionText>> = TEMPLATE_TEXT[language][kind].sections;
  return sections[section]!;
}

/**
 * The guidance of a section, found by its id alone, as a heading in the
 * editor carries it; undefined for an id no template has (pasted from
 * elsewhere, or from a newer version). Section ids are unique across kinds.
 */
export function sectionGuidance(section: string, language: Language): string | undefined {
  for (const kind of DOCUMENT_KINDS) {
    const sections: Readonly<Record<string, SectionText>> = TEMPLATE_TEXT[language][kind].sections;
    if (Object.hasOwn(sections, section)) return sections[section]?.guidance;
  }
  return undefined;
}
