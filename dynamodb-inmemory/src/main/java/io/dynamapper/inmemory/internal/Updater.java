package io.dynamapper.inmemory.internal;

import io.dynamapper.inmemory.internal.Ast.Arithmetic;
import io.dynamapper.inmemory.internal.Ast.IfNotExists;
import io.dynamapper.inmemory.internal.Ast.ListAppend;
import io.dynamapper.inmemory.internal.Ast.Operand;
import io.dynamapper.inmemory.internal.Ast.UpdateAction;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Applies an update expression to an item. Every right-hand side is evaluated against the item as it
 * was before the update; then SET, REMOVE (list elements highest index first), ADD and DELETE apply.
 */
final class Updater {
    private static final String KIND = "UpdateExpression";

    /** The new item and the resolved paths the update touched (for UPDATED_OLD / UPDATED_NEW). */
    record Result(Map<String, AttributeValue> item, List<List<Object>> paths) {
    }

    private Updater() {
    }

    static Result apply(Ast.ParsedUpdate update, Map<String, AttributeValue> old, Context ctx, Set<String> keyNames) {
        List<UpdateAction> actions = update.actions();
        List<List<Object>> paths = new ArrayList<>(actions.size());
        for (UpdateAction a : actions) {
            List<Object> p = Paths.resolve(a.path(), ctx);
            if (keyNames.contains((String) p.get(0))) {
                throw Errors.validation("One or more parameter values were invalid: Cannot update attribute "
                        + p.get(0) + ". This attribute is part of the key");
            }
            paths.add(p);
        }
        Paths.checkNoOverlap(paths, KIND);
        List<AttributeValue> operands = new ArrayList<>(actions.size());
        for (UpdateAction a : actions) {
            operands.add(a.value() == null ? null : evaluate(a.clause(), a.value(), old, ctx));
        }
        Map<String, AttributeValue> item = new LinkedHashMap<>(old);
        for (String clause : List.of("SET", "REMOVE", "ADD", "DELETE")) {
            List<Integer> order = new ArrayList<>();
            for (int i = 0; i < actions.size(); i++) {
                if (actions.get(i).clause().equals(clause)) {
                    order.add(i);
                }
            }
            if (clause.equals("REMOVE")) {
                order.sort(Comparator.comparing((Integer i) -> paths.get(i), Updater::comparePathsDescending));
            }
            for (int i : order) {
                List<Object> p = paths.get(i);
                AttributeValue operand = operands.get(i);
                switch (clause) {
                    case "SET" -> modify(item, p, true, cur -> operand);
                    case "REMOVE" -> modify(item, p, false, cur -> null);
                    case "ADD" -> modify(item, p, true, cur -> add(cur, operand));
                    default -> modify(item, p, true, cur -> delete(cur, operand));
                }
            }
        }
        return new Result(item, paths);
    }

    private static int comparePathsDescending(List<Object> a, List<Object> b) {
        int n = Math.min(a.size(), b.size());
        for (int i = 0; i < n; i++) {
            Object x = a.get(i);
            Object y = b.get(i);
            if (x instanceof Integer xi && y instanceof Integer yi) {
                int c = Integer.compare(yi, xi);
                if (c != 0) {
                    return c;
                }
            } else if (!x.equals(y)) {
                return x.toString().compareTo(y.toString());
            }
        }
        return 0;
    }

    private static AttributeValue evaluate(String clause, Operand o, Map<String, AttributeValue> item, Context ctx) {
        if (o instanceof IfNotExists ine) {
            AttributeValue v = Paths.get(item, ine.path(), ctx);
            return v != null ? v : evaluate(clause, ine.fallback(), item, ctx);
        }
        if (o instanceof ListAppend la) {
            AttributeValue a = evaluate(clause, la.first(), item, ctx);
            AttributeValue b = evaluate(clause, la.second(), item, ctx);
            if (!a.hasL() || !b.hasL()) {
                throw incorrectType();
            }
            List<AttributeValue> joined = new ArrayList<>(a.l());
            joined.addAll(b.l());
            return AttributeValue.fromL(joined);
        }
        if (o instanceof Arithmetic ar) {
            AttributeValue a = evaluate(clause, ar.left(), item, ctx);
            AttributeValue b = evaluate(clause, ar.right(), item, ctx);
            if (a.n() == null || b.n() == null) {
                throw incorrectType();
            }
            return AttributeValue.createN(Numbers.add(a.n(), b.n(), ar.op() != '+'));
        }
        AttributeValue v = Evaluator.value(o, item, new Context(ctx.names(), ctx.values(), KIND));
        if (v == null) {
            throw Errors.validation("The provided expression refers to an attribute that does not exist in the item");
        }
        if (("ADD".equals(clause) || "DELETE".equals(clause))) {
            String t = AttributeSemantics.type(v);
            boolean ok = "ADD".equals(clause) ? Set.of("N", "SS", "NS", "BS").contains(t) : Set.of("SS", "NS", "BS").contains(t);
            if (!ok) {
                throw Errors.invalidExpression(KIND, "Incorrect operand type for operator or function; operator: "
                        + clause + ", operand type: " + typeName(t) + ", typeSet: ALLOWED_FOR_" + clause + "_OPERAND");
            }
        }
        return v;
    }

    private static String typeName(String t) {
        return switch (t) {
            case "S" -> "STRING";
            case "N" -> "NUMBER";
            case "B" -> "BINARY";
            case "BOOL" -> "BOOLEAN";
            case "L" -> "LIST";
            case "M" -> "MAP";
            default -> t;
        };
    }

    private static RuntimeException incorrectType() {
        return Errors.validation("An operand in the update expression has an incorrect data type");
    }

    private static AttributeValue add(AttributeValue cur, AttributeValue operand) {
        if (cur == null) {
            return operand;
        }
        if (operand.n() != null) {
            if (cur.n() == null) {
                throw incorrectType();
            }
            return AttributeValue.createN(Numbers.add(cur.n(), operand.n(), false));
        }
        if (operand.hasSs() && cur.hasSs()) {
            Set<String> s = new LinkedHashSet<>(cur.ss());
            s.addAll(operand.ss());
            return AttributeValue.fromSs(new ArrayList<>(s));
        }
        if (operand.hasNs() && cur.hasNs()) {
            Map<BigDecimal, String> s = new LinkedHashMap<>();
            for (String n : cur.ns()) {
                s.put(new BigDecimal(n).stripTrailingZeros(), n);
            }
            for (String n : operand.ns()) {
                s.putIfAbsent(new BigDecimal(n).stripTrailingZeros(), n);
            }
            return AttributeValue.fromNs(new ArrayList<>(s.values()));
        }
        if (operand.hasBs() && cur.hasBs()) {
            Set<SdkBytes> s = new LinkedHashSet<>(cur.bs());
            s.addAll(operand.bs());
            return AttributeValue.fromBs(new ArrayList<>(s));
        }
        throw incorrectType();
    }

    private static AttributeValue delete(AttributeValue cur, AttributeValue operand) {
        if (cur == null) {
            return null;
        }
        List<?> remaining;
        if (operand.hasSs() && cur.hasSs()) {
            List<String> r = new ArrayList<>(cur.ss());
            r.removeAll(operand.ss());
            return r.isEmpty() ? null : AttributeValue.fromSs(r);
        }
        if (operand.hasNs() && cur.hasNs()) {
            Set<BigDecimal> gone = new java.util.HashSet<>();
            for (String n : operand.ns()) {
                gone.add(new BigDecimal(n).stripTrailingZeros());
            }
            List<String> r = new ArrayList<>();
            for (String n : cur.ns()) {
                if (!gone.contains(new BigDecimal(n).stripTrailingZeros())) {
                    r.add(n);
                }
            }
            return r.isEmpty() ? null : AttributeValue.fromNs(r);
        }
        if (operand.hasBs() && cur.hasBs()) {
            List<SdkBytes> r = new ArrayList<>(cur.bs());
            r.removeAll(operand.bs());
            remaining = r;
            return remaining.isEmpty() ? null : AttributeValue.fromBs(r);
        }
        throw incorrectType();
    }

    /**
     * Replaces the value at {@code path} by {@code fn(current)} (null removes it). When a parent is
     * missing or not a container: an error if {@code strict} (SET, ADD, DELETE), else nothing (REMOVE).
     */
    private static void modify(Map<String, AttributeValue> item, List<Object> path, boolean strict,
            UnaryOperator<AttributeValue> fn) {
        String top = (String) path.get(0);
        if (path.size() == 1) {
            AttributeValue v = fn.apply(item.get(top));
            if (v == null) {
                item.remove(top);
            } else {
                item.put(top, v);
            }
            return;
        }
        AttributeValue root = item.get(top);
        if (root == null) {
            if (strict) {
                throw invalidPath();
            }
            return;
        }
        AttributeValue updated = modifyIn(root, path, 1, strict, fn);
        if (updated != null) {
            item.put(top, updated);
        }
    }

    /** Returns the new container, or null when nothing changed (lenient REMOVE on a missing path). */
    private static AttributeValue modifyIn(AttributeValue container, List<Object> path, int i, boolean strict,
            UnaryOperator<AttributeValue> fn) {
        Object step = path.get(i);
        boolean last = i == path.size() - 1;
        if (step instanceof Integer idx) {
            if (!container.hasL()) {
                if (strict) {
                    throw invalidPath();
                }
                return null;
            }
            List<AttributeValue> list = new ArrayList<>(container.l());
            if (last) {
                AttributeValue cur = idx < list.size() ? list.get(idx) : null;
                AttributeValue v = fn.apply(cur);
                if (v == null) {
                    if (idx < list.size()) {
                        list.remove((int) idx);
                    } else {
                        return null;
                    }
                } else if (idx < list.size()) {
                    list.set(idx, v);
                } else {
                    list.add(v);
                }
                return AttributeValue.fromL(list);
            }
            if (idx >= list.size()) {
                if (strict) {
                    throw invalidPath();
                }
                return null;
            }
            AttributeValue inner = modifyIn(list.get(idx), path, i + 1, strict, fn);
            if (inner == null) {
                return null;
            }
            list.set(idx, inner);
            return AttributeValue.fromL(list);
        }
        String name = (String) step;
        if (!container.hasM()) {
            if (strict) {
                throw invalidPath();
            }
            return null;
        }
        Map<String, AttributeValue> map = new HashMap<>(container.m());
        if (last) {
            AttributeValue v = fn.apply(map.get(name));
            if (v == null) {
                if (map.remove(name) == null) {
                    return null;
                }
            } else {
                map.put(name, v);
            }
            return AttributeValue.fromM(map);
        }
        AttributeValue child = map.get(name);
        if (child == null) {
            if (strict) {
                throw invalidPath();
            }
            return null;
        }
        AttributeValue inner = modifyIn(child, path, i + 1, strict, fn);
        if (inner == null) {
            return null;
        }
        map.put(name, inner);
        return AttributeValue.fromM(map);
    }

    private static RuntimeException invalidPath() {
        return Errors.validation("The document path provided in the update expression is invalid for update");
    }
}
