import type { Project } from '../../shared/api';

export interface ProgrammeGroup {
  /** The programme's name; empty for projects that belong to none. */
  programme: string;
  projects: Project[];
}

/**
 * Projects gathered by programme: named programmes in alphabetical order,
 * then the projects that stand alone; each group keeps the list's order.
 */
export function groupByProgramme(projects: readonly Project[], locale: string): ProgrammeGroup[] {
  const groups = new Map<string, Project[]>();
  for (const project of projects) {
    const list = groups.get(project.programme) ?? [];
    list.push(project);
    groups.set(project.programme, list);
  }
  const named = [...groups.keys()].filter((name) => name !== '').sort((a, b) => a.localeCompare(b, locale));
  return [...named, ...(groups.has('') ? [''] : [])].map((programme) => ({ programme, projects: groups.get(programme)! }));
}
