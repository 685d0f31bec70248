package io.dynamapper.inmemory.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A parsed PartiQL statement. Conditions are kept as a small tree of expression-language fragments
 * ({@link Cond}) so that the key equalities can be taken out; {@link #render} writes the rest back as a
 * condition expression. {@code names} and {@code values} map the generated placeholders.
 */
sealed interface PartiqlStatement {

    /** {@code SELECT projection FROM table[.index] [WHERE where] [ORDER BY ...]}; projection null means {@code *}. */
    record Select(String table, String index, List<Projection> projection, Cond where, List<Order> orderBy,
            Map<String, String> names, Map<String, AttributeValue> values) implements PartiqlStatement {
    }

    /** {@code INSERT INTO table VALUE item}. */
    record Insert(String table, Map<String, AttributeValue> item) implements PartiqlStatement {
    }

    /** {@code UPDATE table SET/REMOVE ... WHERE where [RETURNING returning]}; update is an update expression. */
    record Update(String table, String update, Cond where, String returning, Map<String, String> names,
            Map<String, AttributeValue> values) implements PartiqlStatement {
    }

    /** {@code DELETE FROM table WHERE where [RETURNING ALL OLD *]}. */
    record Delete(String table, Cond where, String returning, Map<String, String> names,
            Map<String, AttributeValue> values) implements PartiqlStatement {
    }

    /** {@code EXISTS(SELECT ...)}: a condition check in ExecuteTransaction. */
    record Exists(Select select) implements PartiqlStatement {
    }

    /** One projected path and the name it gets in the result (its last name, else {@code _n}). */
    record Projection(String alias, List<Object> steps) {
    }

    /** One ORDER BY element. */
    record Order(String key, boolean descending) {
    }

    /** A condition tree over expression-language fragments. */
    sealed interface Cond permits Atom, And, Or, Not {
    }

    /**
     * A leaf condition as expression text. {@code attribute}, {@code op} and {@code refs} describe it when it
     * compares one top-level attribute with values ({@code =}, {@code <}, {@code BETWEEN}, {@code IN},
     * {@code begins_with}, ...), so that key conditions can be recognised; otherwise {@code attribute} is null.
     */
    record Atom(String text, String attribute, String op, List<String> refs) implements Cond {
    }

    record And(List<Cond> parts) implements Cond {
    }

    record Or(List<Cond> parts) implements Cond {
    }

    record Not(Cond inner) implements Cond {
    }

    /** The conjuncts of a condition: the parts of a top-level AND, or the condition itself. */
    static List<Cond> conjuncts(Cond c) {
        if (c == null) {
            return List.of();
        }
        return c instanceof And a ? a.parts() : List.of(c);
    }

    /** Writes a condition as expression text, with parentheses only where precedence needs them. */
    static String render(Cond c) {
        if (c instanceof Atom a) {
            return a.text();
        }
        if (c instanceof And a) {
            List<String> parts = new ArrayList<>();
            for (Cond p : a.parts()) {
                parts.add(p instanceof Or ? "(" + render(p) + ")" : render(p));
            }
            return String.join(" AND ", parts);
        }
        if (c instanceof Or o) {
            List<String> parts = new ArrayList<>();
            for (Cond p : o.parts()) {
                parts.add(render(p));
            }
            return String.join(" OR ", parts);
        }
        Cond inner = ((Not) c).inner();
        return "NOT " + (inner instanceof Atom || inner instanceof Not ? render(inner) : "(" + render(inner) + ")");
    }

    /** Joins conditions with AND; null when there are none. */
    static Cond and(List<Cond> parts) {
        return parts.isEmpty() ? null : parts.size() == 1 ? parts.get(0) : new And(List.copyOf(parts));
    }
}
