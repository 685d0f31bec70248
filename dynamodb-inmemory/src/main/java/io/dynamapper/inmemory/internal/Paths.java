package io.dynamapper.inmemory.internal;

import io.dynamapper.inmemory.internal.Ast.Path;
import io.dynamapper.inmemory.internal.Ast.Step;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Reads document paths out of items. */
final class Paths {
    private Paths() {
    }

    /** The value at {@code path} in {@code item}, or null when any step is missing or of the wrong type. */
    static AttributeValue get(Map<String, AttributeValue> item, Path path, Context ctx) {
        List<Step> steps = path.steps();
        AttributeValue cur = item.get(ctx.name(steps.get(0).name()));
        for (int i = 1; i < steps.size() && cur != null; i++) {
            Step s = steps.get(i);
            if (s.isIndex()) {
                if (!cur.hasL() || s.index() >= cur.l().size()) {
                    return null;
                }
                cur = cur.l().get(s.index());
            } else {
                if (!cur.hasM()) {
                    return null;
                }
                cur = cur.m().get(ctx.name(s.name()));
            }
        }
        return cur;
    }

    /** The resolved steps of a path: attribute names as strings, list indexes as Integers. */
    static List<Object> resolve(Path path, Context ctx) {
        List<Object> out = new ArrayList<>(path.steps().size());
        for (Step s : path.steps()) {
            out.add(s.isIndex() ? (Object) s.index() : ctx.name(s.name()));
        }
        return out;
    }

    /** Whether one resolved path is a prefix of the other (DynamoDB's "paths overlap"). */
    static boolean overlap(List<Object> a, List<Object> b) {
        int n = Math.min(a.size(), b.size());
        for (int i = 0; i < n; i++) {
            if (!a.get(i).equals(b.get(i))) {
                return false;
            }
        }
        return true;
    }

    /** Throws DynamoDB's overlap error if two of the paths overlap. */
    static void checkNoOverlap(List<List<Object>> paths, String kind) {
        for (int i = 0; i < paths.size(); i++) {
            for (int j = i + 1; j < paths.size(); j++) {
                if (overlap(paths.get(i), paths.get(j))) {
                    throw Errors.invalidExpression(kind, "Two document paths overlap with each other; must remove "
                            + "or rewrite one of these paths; path one: " + paths.get(i) + ", path two: "
                            + paths.get(j));
                }
            }
        }
    }
}
