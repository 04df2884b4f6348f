import type { demoEn } from './en';

export const demoFr: Record<keyof typeof demoEn, string> = {
  'demo.offerTitle': 'Vous découvrez Ensemble\u00a0? Explorez-le avec un programme d’exemple',
  'demo.offerIntro':
    'En quelques secondes, remplissez ce nouvel Ensemble avec un programme d’exemple\u00a0: des partenaires d’Afrique de l’Ouest et d’Amérique latine, des personnes dans chaque rôle et des documents de chaque type, rédigés en français, en espagnol et en anglais. Vous serez propriétaire de ses projets et vous administrerez cet Ensemble.',
  'demo.offerNote': 'Cette proposition n’est faite que tant que personne n’a de compte ici. Pour commencer directement avec votre propre travail, créez votre compte.',
  'demo.create': 'Explorer le programme d’exemple',
  'demo.creating': 'Création du programme d’exemple…',
  'demo.progress': 'Création des partenaires, des personnes, des projets et des documents. Cela prend quelques secondes.',
  'demo.error': 'Le programme d’exemple n’a pas pu être créé. {reason}',
  'demo.readyTitle': 'Votre programme d’exemple est prêt',
  'demo.readyIntro':
    'Vous êtes connecté en tant que {name}, propriétaire des projets d’exemple. Pour voir Ensemble avec un autre rôle, connectez-vous sous le nom de l’une de ces personnes dans une fenêtre de navigation privée ou un autre navigateur.',
  'demo.loginsCaption': 'Comptes d’exemple',
  'demo.columnName': 'Nom',
  'demo.columnRole': 'Rôle',
  'demo.columnOrganisation': 'Organisation',
  'demo.columnLanguage': 'Langue',
  'demo.columnEmail': 'Adresse e-mail',
  'demo.ownerPassword': 'Mot de passe de {name}, propriétaire, qui administre cet Ensemble\u00a0:',
  'demo.othersPassword': 'Mot de passe de tous les autres comptes d’exemple\u00a0:',
  'demo.passwordsOnce':
    'Notez-les\u00a0: ils ne sont affichés qu’ici. Pour faire essayer un rôle à d’autres personnes, ne leur donnez que le second\u00a0: il n’ouvre pas le compte d’administration.',
  'demo.continue': 'Continuer en tant que {name}',
};
