import type { TemplateSection } from '../../../shared/knowledge/kinds';

/**
 * What each section of a template asks for, shown in the empty paragraph
 * under its heading, in the reader's language (the heading itself is the
 * document's content, in shared/knowledge/template-text.ts). Written for a
 * partner who has never written such a document. One per section id: a
 * missing one is a compile error.
 */
const guidanceEn = {
  // capitalisation
  'editor.guidance.context':
    'Describe the place, the period and the problem the experience set out to address. Name the organisations and people involved, and the role each one played.',
  'editor.guidance.experience':
    'Tell what was done, by whom and when, step by step. Someone who was not there should be able to follow what happened.',
  'editor.guidance.results':
    'What changed because of the experience, for whom, and how do you know? Include unexpected effects too, good or bad.',
  'editor.guidance.analysis':
    'What worked, what did not, and why? Look for the conditions, choices and constraints that explain the results.',
  'editor.guidance.lessons':
    'What would you tell a partner who wants to do something similar? Write each lesson as a short statement that holds beyond this project.',
  'editor.guidance.recommendations':
    'Who should do what now, in this project and elsewhere? Name the actions, who is responsible and by when.',
  'editor.guidance.voices':
    'Quote the people involved in their own words, and list the documents, data and interviews this note draws on.',
  // lessons
  'editor.guidance.situation':
    'Describe the context in a few lines: where, when, who was involved and what you were trying to achieve.',
  'editor.guidance.happened':
    'Tell the facts: what was done, what went as planned and what did not.',
  'editor.guidance.lesson':
    'Say in one or two sentences what you learned: something others can use, not only an account of what happened.',
  'editor.guidance.recommendation':
    'Say what should be done differently, or kept, next time, and by whom.',
  'editor.guidance.evidence':
    'What supports this lesson? Mention the data, observations, testimonies or documents, and how reliable they are.',
  'editor.guidance.applies':
    'Describe the situations, places or kinds of partners for which this lesson holds.',
  'editor.guidance.limits':
    'Say when this lesson would not hold, or would need adapting: other contexts, other scales, other conditions.',
  // field_finding
  'editor.guidance.site':
    'Where were the observations made? Give the village, municipality or plot, and the GPS coordinates if you have them.',
  'editor.guidance.date':
    'When were the observations made? Give the date or period, and the season or crop stage if it matters.',
  'editor.guidance.method':
    'How did you gather the information: interviews, measurements, group discussion, direct observation? Say who took part and how many people.',
  'editor.guidance.observations':
    'Describe what you saw and heard, as factually as you can. Keep your interpretation for later.',
  'editor.guidance.data':
    'Add the figures, tables or measurements, with their units and sources. Say where the raw data are kept.',
  'editor.guidance.interpretation':
    'What do these observations mean? Compare them with what you expected and with what was seen at other sites.',
  'editor.guidance.questions':
    'What remains unclear, and what should be checked or observed next?',
  // trial_log
  'editor.guidance.purpose':
    'What do you want to find out or improve with this series of trials? Describe the problem, the starting point and how you will know that a trial worked.',
} satisfies Record<`editor.guidance.${TemplateSection}`, string>;

/** Messages of the editor part of the interface; spread into the English dictionary. */
export const editorEn = {
  'editor.linkList': 'Link to a document',
  'editor.linkSearching': 'Searching…',
  'editor.linkNoMatch': 'No document matches',
  'editor.linkSearchFailed': 'The documents could not be searched. Keep typing to try again.',
  ...guidanceEn,
};
