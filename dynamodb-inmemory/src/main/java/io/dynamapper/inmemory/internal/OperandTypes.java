package io.dynamapper.inmemory.internal;

import io.dynamapper.inmemory.internal.Ast.And;
import io.dynamapper.inmemory.internal.Ast.Between;
import io.dynamapper.inmemory.internal.Ast.Compare;
import io.dynamapper.inmemory.internal.Ast.Condition;
import io.dynamapper.inmemory.internal.Ast.Function;
import io.dynamapper.inmemory.internal.Ast.Not;
import io.dynamapper.inmemory.internal.Ast.Operand;
import io.dynamapper.inmemory.internal.Ast.Or;
import io.dynamapper.inmemory.internal.Ast.ValueOperand;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The operand type checks DynamoDB makes before it reads any item: an expression attribute value whose
 * type an operator or function cannot take is a ValidationException even when no item is ever compared
 * ({@code < :bool}, {@code begins_with(a, :number)}, {@code BETWEEN :number AND :string}). Operands read
 * from items are not checked here: on an item their type mismatch simply makes the comparison false.
 */
final class OperandTypes {
    private static final Set<String> ORDERED = Set.of("S", "N", "B");

    private OperandTypes() {
    }

    /** Checks every comparison and function of {@code c} whose operands are expression attribute values. */
    static void check(Condition c, Context ctx) {
        if (c instanceof And a) {
            check(a.left(), ctx);
            check(a.right(), ctx);
        } else if (c instanceof Or o) {
            check(o.left(), ctx);
            check(o.right(), ctx);
        } else if (c instanceof Not n) {
            check(n.inner(), ctx);
        } else if (c instanceof Compare cmp && !cmp.op().equals("=") && !cmp.op().equals("<>")) {
            ordered(cmp.op(), cmp.left(), ctx);
            ordered(cmp.op(), cmp.right(), ctx);
        } else if (c instanceof Between b) {
            ordered("BETWEEN", b.value(), ctx);
            AttributeValue low = ordered("BETWEEN", b.low(), ctx);
            AttributeValue high = ordered("BETWEEN", b.high(), ctx);
            if (low != null && high != null) {
                String lowType = AttributeSemantics.type(low);
                if (!lowType.equals(AttributeSemantics.type(high))) {
                    throw Errors.invalidExpression(ctx.kind(), "The BETWEEN operator requires same data type for "
                            + "lower and upper bounds; lower bound operand: AttributeValue: {" + show(low)
                            + "}, upper bound operand: AttributeValue: {" + show(high) + "}");
                }
                if (AttributeSemantics.compare(low, high) > 0) {
                    throw Errors.invalidExpression(ctx.kind(), "The BETWEEN operator requires upper bound to be "
                            + "greater than or equal to lower bound; lower bound operand: AttributeValue: {"
                            + show(low) + "}, upper bound operand: AttributeValue: {" + show(high) + "}");
                }
            }
        } else if (c instanceof Function f) {
            switch (f.name()) {
                case "begins_with" -> {
                    for (Operand o : f.args()) {
                        AttributeValue v = value(o, ctx);
                        String type = v == null ? null : AttributeSemantics.type(v);
                        if (type != null && !type.equals("S") && !type.equals("B")) {
                            throw incorrect(ctx, "begins_with", type);
                        }
                    }
                }
                case "attribute_type" -> {
                    AttributeValue v = value(f.args().get(1), ctx);
                    if (v != null && v.s() == null) {
                        throw incorrect(ctx, "attribute_type", AttributeSemantics.type(v));
                    }
                }
                default -> {
                }
            }
        }
    }

    /** The value of a value operand that an ordering operator takes (S, N or B), or null for other operands. */
    private static AttributeValue ordered(String op, Operand o, Context ctx) {
        AttributeValue v = value(o, ctx);
        if (v != null && !ORDERED.contains(AttributeSemantics.type(v))) {
            throw incorrect(ctx, op, AttributeSemantics.type(v));
        }
        return v;
    }

    private static AttributeValue value(Operand o, Context ctx) {
        return o instanceof ValueOperand v ? ctx.value(v.name()) : null;
    }

    private static RuntimeException incorrect(Context ctx, String op, String type) {
        return Errors.invalidExpression(ctx.kind(), "Incorrect operand type for operator or function; "
                + "operator or function: " + op + ", operand type: " + type);
    }

    private static String show(AttributeValue v) {
        String t = AttributeSemantics.type(v);
        Object raw = "S".equals(t) ? v.s() : "N".equals(t) ? v.n() : v.b();
        return t + ":" + raw;
    }
}
