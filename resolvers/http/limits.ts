// Validation rules that refuse abusive operations before any resolver runs: too deep, too many fields once
// fragments are expanded (fragment bombs), too many aliases or root fields.
import {
  GraphQLError,
  Kind,
  type ASTVisitor,
  type FragmentDefinitionNode,
  type SelectionSetNode,
  type ValidationContext,
} from 'graphql';
import { ErrorCode } from '../../graph/errors';

export interface Limits {
  maxDepth: number;
  maxFields: number;
  maxAliases: number;
  maxRootFields: number;
}

export const DEFAULT_LIMITS: Limits = { maxDepth: 12, maxFields: 3000, maxAliases: 50, maxRootFields: 20 };

function tooComplex(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: ErrorCode.QueryTooComplex } });
}

export function operationLimits(limits: Limits = DEFAULT_LIMITS) {
  return (context: ValidationContext): ASTVisitor => {
    const fragments = new Map<string, FragmentDefinitionNode>();
    for (const d of context.getDocument().definitions) {
      if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
    }
    return {
      OperationDefinition(op) {
        let fields = 0;
        let aliases = 0;
        let maxDepth = 0;
        // Walks the expanded selection, stopping as soon as a limit is passed so a bomb costs little to refuse.
        const walk = (set: SelectionSetNode, depth: number, trail: Set<string>): boolean => {
          maxDepth = Math.max(maxDepth, depth);
          if (maxDepth > limits.maxDepth || fields > limits.maxFields || aliases > limits.maxAliases)
            return false;
          for (const sel of set.selections) {
            if (sel.kind === Kind.FIELD) {
              // Introspection (__schema, __type) is a fixed, bounded shape that every IDE sends; never refuse it.
              if (depth === 0 && sel.name.value.startsWith('__')) continue;
              fields += 1;
              if (sel.alias) aliases += 1;
              if (sel.selectionSet && !walk(sel.selectionSet, depth + 1, trail)) return false;
            } else if (sel.kind === Kind.INLINE_FRAGMENT) {
              if (!walk(sel.selectionSet, depth, trail)) return false;
            } else {
              const frag = fragments.get(sel.name.value);
              if (!frag || trail.has(frag.name.value)) continue; // unknown or cyclic: reported by standard rules
              if (!walk(frag.selectionSet, depth, new Set([...trail, frag.name.value]))) return false;
            }
          }
          return true;
        };
        const rootFields = op.selectionSet.selections.length;
        walk(op.selectionSet, 0, new Set());
        if (maxDepth > limits.maxDepth) {
          context.reportError(
            tooComplex(`The operation is nested more than ${limits.maxDepth} levels deep.`),
          );
        } else if (fields > limits.maxFields) {
          context.reportError(
            tooComplex(
              `The operation selects more than ${limits.maxFields} fields once fragments are expanded.`,
            ),
          );
        } else if (aliases > limits.maxAliases) {
          context.reportError(tooComplex(`The operation uses more than ${limits.maxAliases} aliases.`));
        } else if (rootFields > limits.maxRootFields) {
          context.reportError(
            tooComplex(`The operation asks for more than ${limits.maxRootFields} root fields.`),
          );
        }
      },
    };
  };
}
