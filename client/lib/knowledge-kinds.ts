import { KNOWLEDGE_KINDS, type KnowledgeKind } from '../../shared/knowledge/kinds';

/** Whether a value is a kind people create from the knowledge base (not a workshop, which has its own form). */
export function isKnowledgeKind(value: unknown): value is KnowledgeKind {
  return (KNOWLEDGE_KINDS as readonly unknown[]).includes(value);
}
