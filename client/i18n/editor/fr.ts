import type { editorEn } from './en';

export const editorFr: Record<keyof typeof editorEn, string> = {
  'editor.linkList': 'Lier à un document',
  'editor.linkSearching': 'Recherche…',
  'editor.linkNoMatch': 'Aucun document ne correspond',
  'editor.linkSearchFailed': 'La recherche de documents a échoué. Continuez à taper pour réessayer.',

  // capitalisation
  'editor.guidance.context':
    'Décrivez le lieu, la période et le problème auquel l’expérience voulait répondre. Nommez les organisations et les personnes impliquées, et le rôle de chacune.',
  'editor.guidance.experience':
    'Racontez ce qui a été fait, par qui et quand, étape par étape. Une personne qui n’était pas là doit pouvoir suivre le déroulement.',
  'editor.guidance.results':
    'Qu’est-ce qui a changé grâce à l’expérience, pour qui, et comment le savez-vous\u00a0? Mentionnez aussi les effets inattendus, positifs ou négatifs.',
  'editor.guidance.analysis':
    'Qu’est-ce qui a fonctionné, qu’est-ce qui n’a pas fonctionné, et pourquoi\u00a0? Cherchez les conditions, les choix et les contraintes qui expliquent les résultats.',
  'editor.guidance.lessons':
    'Que diriez-vous à un partenaire qui veut faire quelque chose de semblable\u00a0? Formulez chaque leçon en une phrase courte, valable au-delà de ce projet.',
  'editor.guidance.recommendations':
    'Qui devrait faire quoi maintenant, dans ce projet et ailleurs\u00a0? Précisez les actions, les responsables et les échéances.',
  'editor.guidance.voices':
    'Citez les personnes concernées avec leurs propres mots, et indiquez les documents, les données et les entretiens sur lesquels s’appuie cette note.',
  // lessons
  'editor.guidance.situation':
    'Décrivez le contexte en quelques lignes\u00a0: où, quand, qui était impliqué et ce que vous cherchiez à obtenir.',
  'editor.guidance.happened':
    'Racontez les faits\u00a0: ce qui a été fait, ce qui s’est déroulé comme prévu et ce qui ne l’a pas été.',
  'editor.guidance.lesson':
    'Énoncez en une ou deux phrases ce que vous avez appris\u00a0: un enseignement utile à d’autres, pas seulement le récit des faits.',
  'editor.guidance.recommendation':
    'Dites ce qu’il faudrait faire autrement, ou conserver, la prochaine fois, et par qui.',
  'editor.guidance.evidence':
    'Sur quoi repose cette leçon\u00a0? Mentionnez les données, observations, témoignages ou documents, et leur degré de fiabilité.',
  'editor.guidance.applies':
    'Décrivez les situations, les lieux ou les types de partenaires pour lesquels cette leçon est valable.',
  'editor.guidance.limits':
    'Précisez quand cette leçon ne tiendrait pas, ou devrait être adaptée\u00a0: autres contextes, autres échelles, autres conditions.',
  // field_finding
  'editor.guidance.site':
    'Où les observations ont-elles été faites\u00a0? Indiquez le village, la commune ou la parcelle, et les coordonnées GPS si vous les avez.',
  'editor.guidance.date':
    'Quand les observations ont-elles été faites\u00a0? Indiquez la date ou la période, et la saison ou le stade de la culture si c’est utile.',
  'editor.guidance.method':
    'Comment avez-vous recueilli l’information\u00a0: entretiens, mesures, discussion de groupe, observation directe\u00a0? Précisez qui y a participé, et combien de personnes.',
  'editor.guidance.observations':
    'Décrivez ce que vous avez vu et entendu, de la façon la plus factuelle possible. Gardez votre interprétation pour plus loin.',
  'editor.guidance.data':
    'Ajoutez les chiffres, tableaux ou mesures, avec leurs unités et leurs sources. Indiquez où les données brutes sont conservées.',
  'editor.guidance.interpretation':
    'Que signifient ces observations\u00a0? Comparez-les à ce que vous attendiez et à ce qui a été observé sur d’autres sites.',
  'editor.guidance.questions':
    'Qu’est-ce qui reste incertain, et que faudrait-il vérifier ou observer ensuite\u00a0?',
  // trial_log
  'editor.guidance.purpose':
    'Que cherchez-vous à comprendre ou à améliorer avec cette série d’essais\u00a0? Décrivez le problème, la situation de départ et comment vous saurez qu’un essai a réussi.',
};
