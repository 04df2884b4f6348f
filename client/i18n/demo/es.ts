import type { demoEn } from './en';

export const demoEs: Record<keyof typeof demoEn, string> = {
  'demo.offerTitle': '¿Primera vez aquí? Descubra Ensemble con un programa de ejemplo',
  'demo.offerIntro':
    'En pocos segundos, llene este nuevo Ensemble con un programa de ejemplo: socios de África Occidental y América Latina, personas en cada rol y documentos de cada tipo, escritos en francés, español e inglés. Usted quedará a cargo de sus proyectos y administrará este Ensemble.',
  'demo.offerNote': 'Solo se ofrece mientras nadie tenga una cuenta aquí. Para empezar directamente con su propio trabajo, cree su cuenta.',
  'demo.create': 'Explorar el programa de ejemplo',
  'demo.creating': 'Creando el programa de ejemplo…',
  'demo.progress': 'Creando socios, personas, proyectos y documentos. Tarda unos segundos.',
  'demo.error': 'No se pudo crear el programa de ejemplo. {reason}',
  'demo.readyTitle': 'Su programa de ejemplo está listo',
  'demo.readyIntro':
    'Ha iniciado sesión con la cuenta de {name}, a cargo de los proyectos de ejemplo. Para ver Ensemble desde otro rol, inicie sesión como una de estas personas en una ventana privada o en otro navegador.',
  'demo.loginsCaption': 'Cuentas de ejemplo',
  'demo.columnName': 'Nombre',
  'demo.columnRole': 'Rol',
  'demo.columnOrganisation': 'Organización',
  'demo.columnLanguage': 'Idioma',
  'demo.columnEmail': 'Correo electrónico',
  'demo.ownerPassword': 'Contraseña de {name}, a cargo de los proyectos, quien administra este Ensemble:',
  'demo.othersPassword': 'Contraseña de todas las demás cuentas de ejemplo:',
  'demo.passwordsOnce':
    'Anótelas: solo se muestran aquí. Para que otras personas prueben un rol, deles solo la segunda: no abre la cuenta de quien administra.',
  'demo.continue': 'Continuar como {name}',
};
