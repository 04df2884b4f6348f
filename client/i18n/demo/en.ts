/** Messages of the first-run sample-programme offer; spread into the English dictionary. */
export const demoEn = {
  'demo.offerTitle': 'New here? Explore Ensemble with a sample programme',
  'demo.offerIntro':
    'In a few seconds, fill this new Ensemble with a sample programme: partners from West Africa and Latin America, people in every role, and documents of every kind written in French, Spanish and English. You will be the owner of its projects and the administrator of this Ensemble.',
  'demo.offerNote': 'This is offered only while nobody has an account here. To start with your own work instead, create your account.',
  'demo.create': 'Explore the sample programme',
  'demo.creating': 'Creating the sample programme…',
  'demo.progress': 'Creating partners, people, projects and documents. This takes a few seconds.',
  'demo.error': 'The sample programme could not be created. {reason}',
  'demo.readyTitle': 'Your sample programme is ready',
  'demo.readyIntro':
    'You are logged in as {name}, the owner of the sample projects. To see Ensemble through another role, log in as one of these people in a private window or another browser.',
  'demo.loginsCaption': 'Sample accounts',
  'demo.columnName': 'Name',
  'demo.columnRole': 'Role',
  'demo.columnOrganisation': 'Organisation',
  'demo.columnLanguage': 'Language',
  'demo.columnEmail': 'Email address',
  'demo.ownerPassword': 'Password of {name}, the owner, who administers this Ensemble:',
  'demo.othersPassword': 'Password of every other sample account:',
  'demo.passwordsOnce':
    'Write them down: they are shown only here. To let others try a role, give them only the second one: it does not open the administrator’s account.',
  'demo.continue': 'Continue as {name}',
};
