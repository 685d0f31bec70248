package io.dynamapper.inmemory.internal;

import java.util.List;
import java.util.Set;

/**
 * The syntax tree of DynamoDB expressions. Placeholders ({@code #name}, {@code :value}) stay
 * unresolved so one parse can be cached and reused with any request's attribute names and values.
 */
final class Ast {
    private Ast() {
    }

    /** One step of a document path: an attribute name (bare, or a {@code #placeholder}) or a list index. */
    record Step(String name, int index) {
        static Step name(String n) {
            return new Step(n, -1);
        }

        static Step index(int i) {
            return new Step(null, i);
        }

        boolean isIndex() {
            return name == null;
        }

        @Override
        public String toString() {
            return isIndex() ? "[" + index + "]" : name;
        }
    }

    /** A document path such as {@code a.#b[2].c}. */
    record Path(List<Step> steps) {
        @Override
        public String toString() {
            StringBuilder sb = new StringBuilder();
            for (Step s : steps) {
                if (!s.isIndex() && sb.length() > 0) {
                    sb.append('.');
                }
                sb.append(s);
            }
            return sb.toString();
        }
    }

    /** Something that produces a value: a path, a {@code :value}, or a function of them. */
    sealed interface Operand permits PathOperand, ValueOperand, SizeOperand, IfNotExists, ListAppend, Arithmetic {
    }

    record PathOperand(Path path) implements Operand {
    }

    record ValueOperand(String name) implements Operand {
    }

    record SizeOperand(Path path) implements Operand {
    }

    record IfNotExists(Path path, Operand fallback) implements Operand {
    }

    record ListAppend(Operand first, Operand second) implements Operand {
    }

    record Arithmetic(Operand left, char op, Operand right) implements Operand {
    }

    /** A boolean condition. */
    sealed interface Condition permits Compare, Between, In, And, Or, Not, Function {
    }

    record Compare(String op, Operand left, Operand right) implements Condition {
    }

    record Between(Operand value, Operand low, Operand high) implements Condition {
    }

    record In(Operand value, List<Operand> candidates) implements Condition {
    }

    record And(Condition left, Condition right) implements Condition {
    }

    record Or(Condition left, Condition right) implements Condition {
    }

    record Not(Condition inner) implements Condition {
    }

    /** attribute_exists, attribute_not_exists, attribute_type, begins_with, contains. */
    record Function(String name, List<Operand> args) implements Condition {
    }

    /** One action of an update expression. */
    record UpdateAction(String clause, Path path, Operand value) {
    }

    /** A parsed condition, filter or key condition expression with the placeholders it uses. */
    record ParsedCondition(Condition root, Set<String> names, Set<String> values) {
    }

    /** A parsed update expression. */
    record ParsedUpdate(List<UpdateAction> actions, Set<String> names, Set<String> values) {
    }

    /** A parsed projection expression. */
    record ParsedProjection(List<Path> paths, Set<String> names) {
    }
}
