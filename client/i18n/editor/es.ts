import type { editorEn } from './en';

export const editorEs: Record<keyof typeof editorEn, string> = {
  'editor.linkList': 'Enlazar con un documento',
  'editor.linkSearching': 'Buscando…',
  'editor.linkNoMatch': 'Ningún documento coincide',
  'editor.linkSearchFailed': 'No se pudieron buscar los documentos. Siga escribiendo para volver a intentarlo.',

  // capitalisation
  'editor.guidance.context':
    'Describa el lugar, el periodo y el problema al que buscaba responder la experiencia. Nombre a las organizaciones y personas involucradas y el papel de cada una.',
  'editor.guidance.experience':
    'Cuente qué se hizo, quién lo hizo y cuándo, paso a paso. Alguien que no estuvo allí debe poder seguir lo que pasó.',
  'editor.guidance.results':
    '¿Qué cambió gracias a la experiencia, para quién y cómo lo sabe? Incluya también los efectos inesperados, positivos o negativos.',
  'editor.guidance.analysis':
    '¿Qué funcionó, qué no funcionó y por qué? Busque las condiciones, decisiones y limitaciones que explican los resultados.',
  'editor.guidance.lessons':
    '¿Qué le diría a una organización socia que quiere hacer algo parecido? Formule cada lección en una frase corta, válida más allá de este proyecto.',
  'editor.guidance.recommendations':
    '¿Quién debería hacer qué ahora, en este proyecto y en otros? Precise las acciones, las personas responsables y los plazos.',
  'editor.guidance.voices':
    'Cite a las personas involucradas con sus propias palabras e indique los documentos, datos y entrevistas en los que se basa esta nota.',
  // lessons
  'editor.guidance.situation':
    'Describa el contexto en pocas líneas: dónde, cuándo, quiénes participaron y qué se buscaba lograr.',
  'editor.guidance.happened':
    'Cuente los hechos: qué se hizo, qué salió según lo previsto y qué no.',
  'editor.guidance.lesson':
    'Exprese en una o dos frases lo que aprendió: algo que otras personas puedan aprovechar, no solo el relato de los hechos.',
  'editor.guidance.recommendation':
    'Diga qué habría que hacer de otra manera, o mantener, la próxima vez, y quién debería hacerlo.',
  'editor.guidance.evidence':
    '¿En qué se apoya esta lección? Mencione los datos, observaciones, testimonios o documentos, y su grado de fiabilidad.',
  'editor.guidance.applies':
    'Describa las situaciones, los lugares o los tipos de organizaciones para los que esta lección es válida.',
  'editor.guidance.limits':
    'Indique cuándo esta lección no sería válida o tendría que adaptarse: otros contextos, otras escalas, otras condiciones.',
  // field_finding
  'editor.guidance.site':
    '¿Dónde se hicieron las observaciones? Indique la comunidad, el municipio o la parcela, y las coordenadas GPS si las tiene.',
  'editor.guidance.date':
    '¿Cuándo se hicieron las observaciones? Indique la fecha o el periodo, y la temporada o la etapa del cultivo si es relevante.',
  'editor.guidance.method':
    '¿Cómo recogió la información: entrevistas, mediciones, grupo focal, observación directa? Indique quiénes participaron y cuántas personas.',
  'editor.guidance.observations':
    'Describa lo que vio y escuchó, de la forma más objetiva posible. Deje su interpretación para más adelante.',
  'editor.guidance.data':
    'Añada las cifras, tablas o mediciones, con sus unidades y fuentes. Indique dónde se guardan los datos brutos.',
  'editor.guidance.interpretation':
    '¿Qué significan estas observaciones? Compárelas con lo que esperaba y con lo observado en otros lugares.',
  'editor.guidance.questions':
    '¿Qué sigue sin estar claro y qué habría que verificar u observar después?',
  // trial_log
  'editor.guidance.purpose':
    '¿Qué quiere entender o mejorar con esta serie de ensayos? Describa el problema, la situación de partida y cómo sabrá que un ensayo funcionó.',
};
