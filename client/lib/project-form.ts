import { createProjectInputSchema, PROJECT_STATUSES, type CreateProjectInput, type Project } from '../../shared/api';
import { invalidPaths, parseTagList } from './form-problems';

export type ProjectStatus = (typeof PROJECT_STATUSES)[number];

/** The project form's fields as typed: themes as one comma-separated line, dates as `<input type="date">` gives them. */
export interface ProjectFormValues {
  title: string;
  programme: string;
  summary: string;
  countries: string[];
  themes: string;
  startsOn: string;
  endsOn: string;
  status: ProjectStatus;
}

export function projectFormValues(project?: Project): ProjectFormValues {
  return {
    title: project?.title ?? '',
    programme: project?.programme ?? '',
    summary: project?.summary ?? '',
    countries: [...(project?.countries ?? [])],
    themes: project?.themes.join(', ') ?? '',
    startsOn: project?.startsOn ?? '',
    endsOn: project?.endsOn ?? '',
    status: project?.status ?? 'active',
  };
}

/** What the form marks: each problem has its own message beside its field. */
export type ProjectFormProblem = 'title' | 'programme' | 'summary' | 'themes' | 'dates';

export type ProjectFormResult =
  | { ok: true; input: CreateProjectInput }
  | { ok: false; problems: Set<ProjectFormProblem> };

/** The API input for a filled-in form, or what is wrong with it. An empty date means "not set". */
export function projectInputFrom(values: ProjectFormValues): ProjectFormResult {
  const input: CreateProjectInput = {
    title: values.title.trim(),
    programme: values.programme.trim(),
    summary: values.summary.trim(),
    countries: values.countries,
    themes: parseTagList(values.themes),
    startsOn: values.startsOn === '' ? null : values.startsOn,
    endsOn: values.endsOn === '' ? null : values.endsOn,
    status: values.status,
  };
  const problems = new Set<ProjectFormProblem>();
  for (const path of invalidPaths(createProjectInputSchema, input)) {
    const field = path.split('.')[0];
    if (field === 'title' || field === 'programme' || field === 'summary' || field === 'themes') problems.add(field);
    else if (field === 'startsOn' || field === 'endsOn') problems.add('dates');
  }
  // ISO dates compare as text.
  if (input.startsOn && input.endsOn && input.endsOn < input.startsOn) problems.add('dates');
  return problems.size === 0 ? { ok: true, input } : { ok: false, problems };
}
