package io.dynamapper.inmemory.internal;

import io.dynamapper.inmemory.internal.Ast.And;
import io.dynamapper.inmemory.internal.Ast.Between;
import io.dynamapper.inmemory.internal.Ast.Compare;
import io.dynamapper.inmemory.internal.Ast.Condition;
import io.dynamapper.inmemory.internal.Ast.Function;
import io.dynamapper.inmemory.internal.Ast.In;
import io.dynamapper.inmemory.internal.Ast.Not;
import io.dynamapper.inmemory.internal.Ast.Operand;
import io.dynamapper.inmemory.internal.Ast.Or;
import io.dynamapper.inmemory.internal.Ast.PathOperand;
import io.dynamapper.inmemory.internal.Ast.SizeOperand;
import io.dynamapper.inmemory.internal.Ast.ValueOperand;
import java.math.BigDecimal;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Evaluates condition and filter expressions against an item (absent item = empty map). */
final class Evaluator {
    private static final Set<String> TYPES = Set.of("S", "SS", "N", "NS", "B", "BS", "BOOL", "NULL", "L", "M");

    private Evaluator() {
    }

    static boolean test(Condition c, Map<String, AttributeValue> item, Context ctx) {
        if (c instanceof And a) {
            return test(a.left(), item, ctx) && test(a.right(), item, ctx);
        }
        if (c instanceof Or o) {
            return test(o.left(), item, ctx) || test(o.right(), item, ctx);
        }
        if (c instanceof Not n) {
            return !test(n.inner(), item, ctx);
        }
        if (c instanceof Compare cmp) {
            return compare(cmp.op(), value(cmp.left(), item, ctx), value(cmp.right(), item, ctx));
        }
        if (c instanceof Between b) {
            AttributeValue v = value(b.value(), item, ctx);
            AttributeValue lo = value(b.low(), item, ctx);
            AttributeValue hi = value(b.high(), item, ctx);
            if (lo != null && hi != null) {
                Integer order = AttributeSemantics.compare(lo, hi);
                if (order != null && order > 0) {
                    throw Errors.invalidExpression(ctx.kind(), "The BETWEEN operator requires upper bound to be "
                            + "greater than or equal to lower bound; lower bound operand: AttributeValue: {"
                            + show(lo) + "}, upper bound operand: AttributeValue: {" + show(hi) + "}");
                }
            }
            return compare(">=", v, lo) && compare("<=", v, hi);
        }
        if (c instanceof In in) {
            AttributeValue v = value(in.value(), item, ctx);
            if (v == null) {
                return false;
            }
            for (Operand o : in.candidates()) {
                AttributeValue candidate = value(o, item, ctx);
                if (candidate != null && AttributeSemantics.equal(v, candidate)) {
                    return true;
                }
            }
            return false;
        }
        return function((Function) c, item, ctx);
    }

    private static String show(AttributeValue v) {
        String t = AttributeSemantics.type(v);
        Object raw = "S".equals(t) ? v.s() : "N".equals(t) ? v.n() : v;
        return t + ":" + raw;
    }

    private static boolean function(Function f, Map<String, AttributeValue> item, Context ctx) {
        AttributeValue target = value(f.args().get(0), item, ctx);
        switch (f.name()) {
            case "attribute_exists":
                return target != null;
            case "attribute_not_exists":
                return target == null;
            case "attribute_type": {
                AttributeValue t = value(f.args().get(1), item, ctx);
                if (t == null || t.s() == null || !TYPES.contains(t.s())) {
                    throw Errors.invalidExpression(ctx.kind(), "Invalid attribute type name found; type: "
                            + (t == null ? null : t.s()) + ", valid types: {N,BS,L,B,NULL,M,S,SS,NS,BOOL}");
                }
                return target != null && t.s().equals(AttributeSemantics.type(target));
            }
            case "begins_with": {
                AttributeValue prefix = value(f.args().get(1), item, ctx);
                if (target == null || prefix == null) {
                    return false;
                }
                if (target.s() != null && prefix.s() != null) {
                    return target.s().startsWith(prefix.s());
                }
                if (target.b() != null && prefix.b() != null) {
                    byte[] t = target.b().asByteArrayUnsafe();
                    byte[] p = prefix.b().asByteArrayUnsafe();
                    return t.length >= p.length && java.util.Arrays.equals(t, 0, p.length, p, 0, p.length);
                }
                return false;
            }
            case "contains": {
                AttributeValue needle = value(f.args().get(1), item, ctx);
                if (target == null || needle == null) {
                    return false;
                }
                if (target.s() != null) {
                    return needle.s() != null && target.s().contains(needle.s());
                }
                if (target.hasSs()) {
                    return needle.s() != null && target.ss().contains(needle.s());
                }
                if (target.hasNs()) {
                    if (needle.n() == null) {
                        return false;
                    }
                    BigDecimal n = new BigDecimal(needle.n());
                    return target.ns().stream().anyMatch(x -> new BigDecimal(x).compareTo(n) == 0);
                }
                if (target.hasBs()) {
                    return needle.b() != null && target.bs().contains(needle.b());
                }
                if (target.hasL()) {
                    return target.l().stream().anyMatch(x -> AttributeSemantics.equal(x, needle));
                }
                if (target.b() != null && needle.b() != null) {
                    return indexOf(target.b().asByteArrayUnsafe(), needle.b().asByteArrayUnsafe()) >= 0;
                }
                return false;
            }
            default:
                throw new IllegalStateException("unknown function " + f.name());
        }
    }

    private static int indexOf(byte[] hay, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= hay.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    /** DynamoDB comparison: a missing operand or a type mismatch makes every comparator false except {@code <>}. */
    static boolean compare(String op, AttributeValue a, AttributeValue b) {
        if (a == null || b == null) {
            // Confirmed on DynamoDB Local: "missing <> :v" is true, every other comparison false.
            return "<>".equals(op);
        }
        switch (op) {
            case "=":
                return AttributeSemantics.equal(a, b);
            case "<>":
                return !AttributeSemantics.equal(a, b);
            default: {
                Integer c = AttributeSemantics.compare(a, b);
                if (c == null) {
                    return false;
                }
                return switch (op) {
                    case "<" -> c < 0;
                    case "<=" -> c <= 0;
                    case ">" -> c > 0;
                    default -> c >= 0;
                };
            }
        }
    }

    /** The value of an operand, or null when it refers to a missing attribute. */
    static AttributeValue value(Operand o, Map<String, AttributeValue> item, Context ctx) {
        if (o instanceof ValueOperand v) {
            return ctx.value(v.name());
        }
        if (o instanceof PathOperand p) {
            return Paths.get(item, p.path(), ctx);
        }
        if (o instanceof SizeOperand s) {
            AttributeValue v = Paths.get(item, s.path(), ctx);
            if (v == null) {
                return null;
            }
            long size;
            if (v.s() != null) {
                // DynamoDB Local counts UTF-16 code units: size("é😀") == 3 (confirmed on 2.6.1).
                size = v.s().length();
            } else if (v.b() != null) {
                size = v.b().asByteArrayUnsafe().length;
            } else if (v.hasSs()) {
                size = v.ss().size();
            } else if (v.hasNs()) {
                size = v.ns().size();
            } else if (v.hasBs()) {
                size = v.bs().size();
            } else if (v.hasL()) {
                size = v.l().size();
            } else if (v.hasM()) {
                size = v.m().size();
            } else {
                return null;
            }
            return AttributeValue.fromN(Long.toString(size));
        }
        throw Errors.invalidExpression(ctx.kind(), "The function is not allowed in a condition: " + o);
    }

    static SdkBytes bytes(AttributeValue v) {
        return v.b();
    }
}
