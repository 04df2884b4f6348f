import type { AnnotationKind, ThreadStatus } from '../../shared/annotations/discussion';
import type { DocumentKind, DocumentStatus, TrialOutcome } from '../../shared/knowledge/kinds';
import type { TrialTextField } from '../../shared/knowledge/trial-log';
import type { Language } from '../../shared/roles';

/**
 * The words an exported document is set with, in the document's own
 * language (not the reader's): a note in French exports in French for
 * whoever downloads it. The same words as the client's, which the server
 * cannot import.
 */
export interface ExportLabels {
  kinds: Record<DocumentKind, string>;
  statuses: Record<DocumentStatus, string>;
  project: string;
  programme: string;
  status: string;
  statusBy: (name: string, date: string) => string;
  created: string;
  lastActivity: string;
  exported: string;
  organisations: string;
  people: string;
  themes: string;
  tags: string;
  lessons: string;
  annotations: string;
  annotationKinds: Record<AnnotationKind, string>;
  threadStatuses: Record<ThreadStatus, string>;
  source: string;
  suggested: string;
  trials: string;
  trialFields: Record<TrialTextField, string>;
  outcome: string;
  outcomes: Record<TrialOutcome, string>;
  untitled: string;
}

const en: ExportLabels = {
  kinds: {
    capitalisation: 'Capitalisation note',
    lessons: 'Lessons learned record',
    field_finding: 'Field finding',
    trial_log: 'Trial-and-error log',
    free: 'Free page',
    workshop: 'Joint learning workshop',
  },
  statuses: { draft: 'Draft', in_review: 'In review', validated: 'Validated', published: 'Published' },
  project: 'Project',
  programme: 'Programme',
  status: 'Status',
  statusBy: (name, date) => `by ${name}, ${date}`,
  created: 'Created',
  lastActivity: 'Last activity',
  exported: 'Exported',
  organisations: 'Contributing organisations',
  people: 'Contributors',
  themes: 'Themes',
  tags: 'Tags',
  lessons: 'Lessons learned',
  annotations: 'Annotations',
  annotationKinds: { comment: 'Comment', question: 'Question', evidence: 'Evidence or source', counterpoint: 'Counterpoint', suggestion: 'Suggested change' },
  threadStatuses: { open: 'Open', resolved: 'Resolved', accepted: 'Accepted', rejected: 'Rejected' },
  source: 'Source',
  suggested: 'Suggested',
  trials: 'Trials',
  trialFields: {
    tried: 'What we tried',
    hypothesis: 'Why: what we expected',
    conditions: 'Conditions',
    happened: 'What happened',
    learned: 'What we learned',
    next: 'Next step',
    participants: 'Who took part',
  },
  outcome: 'Outcome',
  outcomes: { worked: 'Worked', partly: 'Partly worked', did_not_work: 'Did not work', too_early: 'Too early to tell' },
  untitled: 'Untitled',
};

const fr: ExportLabels = {
  kinds: {
    capitalisation: 'Fiche de capitalisation',
    lessons: 'Fiche de leçons apprises',
    field_finding: 'Constat de terrain',
    trial_log: 'Journal d’essais-erreurs',
    free: 'Page libre',
    workshop: 'Atelier d’apprentissage conjoint',
  },
  statuses: { draft: 'Brouillon', in_review: 'En relecture', validated: 'Validé', published: 'Publié' },
  project: 'Projet',
  programme: 'Programme',
  status: 'Statut',
  statusBy: (name, date) => `par ${name}, le ${date}`,
  created: 'Créé le',
  lastActivity: 'Dernière activité',
  exported: 'Exporté le',
  organisations: 'Organisations contributrices',
  people: 'Contributeurs et contributrices',
  themes: 'Thèmes',
  tags: 'Mots-clés',
  lessons: 'Leçons apprises',
  annotations: 'Annotations',
  annotationKinds: { comment: 'Commentaire', question: 'Question', evidence: 'Preuve ou source', counterpoint: 'Contre-argument', suggestion: 'Modification proposée' },
  threadStatuses: { open: 'Ouvert', resolved: 'Résolu', accepted: 'Acceptée', rejected: 'Refusée' },
  source: 'Source',
  suggested: 'Proposé',
  trials: 'Essais',
  trialFields: {
    tried: 'Ce que nous avons essayé',
    hypothesis: 'Pourquoi\u00a0: ce que nous attendions',
    conditions: 'Conditions',
    happened: 'Ce qui s’est passé',
    learned: 'Ce que nous avons appris',
    next: 'Prochaine étape',
    participants: 'Qui y a pris part',
  },
  outcome: 'Résultat',
  outcomes: { worked: 'A marché', partly: 'A marché en partie', did_not_work: 'N’a pas marché', too_early: 'Trop tôt pour le dire' },
  untitled: 'Sans titre',
};

const es: ExportLabels = {
  kinds: {
    capitalisation: 'Nota de capitalización',
    lessons: 'Registro de lecciones aprendidas',
    field_finding: 'Hallazgo de campo',
    trial_log: 'Bitácora de ensayo y error',
    free: 'Página libre',
    workshop: 'Taller de aprendizaje conjunto',
  },
  statuses: { draft: 'Borrador', in_review: 'En revisión', validated: 'Validado', published: 'Publicado' },
  project: 'Proyecto',
  programme: 'Programa',
  status: 'Estado',
  statusBy: (name, date) => `por ${name}, el ${date}`,
  created: 'Creado el',
  lastActivity: 'Última actividad',
  exported: 'Exportado el',
  organisations: 'Organizaciones que contribuyeron',
  people: 'Personas que contribuyeron',
  themes: 'Temas',
  tags: 'Etiquetas',
  lessons: 'Lecciones aprendidas',
  annotations: 'Anotaciones',
  annotationKinds: { comment: 'Comentario', question: 'Pregunta', evidence: 'Evidencia o fuente', counterpoint: 'Contraargumento', suggestion: 'Cambio propuesto' },
  threadStatuses: { open: 'Abierto', resolved: 'Resuelto', accepted: 'Aceptado', rejected: 'Rechazado' },
  source: 'Fuente',
  suggested: 'Propuesto',
  trials: 'Ensayos',
  trialFields: {
    tried: 'Qué probamos',
    hypothesis: 'Por qué: qué esperábamos',
    conditions: 'Condiciones',
    happened: 'Qué pasó',
    learned: 'Qué aprendimos',
    next: 'Próximo paso',
    participants: 'Quién participó',
  },
  outcome: 'Resultado',
  outcomes: { worked: 'Funcionó', partly: 'Funcionó en parte', did_not_work: 'No funcionó', too_early: 'Es pronto para saberlo' },
  untitled: 'Sin título',
};

export const EXPORT_LABELS: Readonly<Record<Language, ExportLabels>> = { en, fr, es };
