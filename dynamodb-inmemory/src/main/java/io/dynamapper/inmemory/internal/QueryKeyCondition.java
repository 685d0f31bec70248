package io.dynamapper.inmemory.internal;

import io.dynamapper.inmemory.internal.Ast.And;
import io.dynamapper.inmemory.internal.Ast.Between;
import io.dynamapper.inmemory.internal.Ast.Compare;
import io.dynamapper.inmemory.internal.Ast.Condition;
import io.dynamapper.inmemory.internal.Ast.Function;
import io.dynamapper.inmemory.internal.Ast.Operand;
import io.dynamapper.inmemory.internal.Ast.PathOperand;
import io.dynamapper.inmemory.internal.Ast.ValueOperand;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A Query's key condition, checked against the key schema: {@code =} on the partition key and at most
 * one of {@code = < <= > >= BETWEEN begins_with} on the sort key.
 */
record QueryKeyCondition(AttributeValue hashValue, String op, AttributeValue low, AttributeValue high) {
    private static final String KIND = "KeyConditionExpression";

    static QueryKeyCondition analyze(Condition root, Context ctx, String hashKey, String rangeKey,
            Map<String, String> types) {
        List<Condition> parts = new ArrayList<>();
        flatten(root, parts);
        if (parts.size() > 2) {
            throw Errors.validation("Conditions can be of length 1 or 2 only");
        }
        AttributeValue hash = null;
        String op = null;
        AttributeValue low = null;
        AttributeValue high = null;
        for (Condition c : parts) {
            String name;
            String thisOp;
            List<Operand> values = new ArrayList<>();
            if (c instanceof Compare cmp) {
                if (cmp.op().equals("<>")) {
                    throw invalidOperator("<>");
                }
                Operand left = cmp.left();
                Operand right = cmp.right();
                thisOp = cmp.op();
                if (!(left instanceof PathOperand) && right instanceof PathOperand) {
                    Operand t = left;
                    left = right;
                    right = t;
                    thisOp = switch (thisOp) {
                        case "<" -> ">";
                        case "<=" -> ">=";
                        case ">" -> "<";
                        case ">=" -> "<=";
                        default -> thisOp;
                    };
                }
                name = keyName(left, ctx);
                values.add(right);
            } else if (c instanceof Between b) {
                thisOp = "BETWEEN";
                name = keyName(b.value(), ctx);
                values.add(b.low());
                values.add(b.high());
            } else if (c instanceof Function f && f.name().equals("begins_with")) {
                thisOp = "begins_with";
                name = keyName(f.args().get(0), ctx);
                values.add(f.args().get(1));
            } else if (c instanceof Function f) {
                throw invalidOperator(f.name());
            } else {
                throw invalidOperator(c instanceof Ast.Or ? "OR" : c instanceof Ast.Not ? "NOT" : "IN");
            }
            List<AttributeValue> resolved = new ArrayList<>();
            for (Operand o : values) {
                if (!(o instanceof ValueOperand v)) {
                    throw Errors.invalidExpression(KIND, "Key condition operands must be expression attribute values");
                }
                resolved.add(ctx.value(v.name()));
            }
            if (name.equals(hashKey) && hash == null) {
                if (!thisOp.equals("=")) {
                    throw Errors.validation("Query key condition not supported");
                }
                hash = resolved.get(0);
                checkType(hash, types.get(hashKey));
            } else if (name.equals(rangeKey) && op == null) {
                String type = types.get(rangeKey);
                for (AttributeValue v : resolved) {
                    checkType(v, type);
                }
                if (thisOp.equals("begins_with") && !"S".equals(type) && !"B".equals(type)) {
                    throw Errors.invalidExpression(KIND, "Incorrect operand type for operator or function; operator "
                            + "or function: begins_with, operand type: " + type);
                }
                op = thisOp;
                low = resolved.get(0);
                high = resolved.size() > 1 ? resolved.get(1) : null;
                if (high != null && AttributeSemantics.compare(low, high) > 0) {
                    throw Errors.invalidExpression(KIND, "The BETWEEN operator requires upper bound to be greater "
                            + "than or equal to lower bound; lower bound operand: AttributeValue: {" + type + ":"
                            + raw(low) + "}, upper bound operand: AttributeValue: {" + type + ":" + raw(high) + "}");
                }
            } else {
                throw Errors.validation("Query condition missed key schema element");
            }
        }
        if (hash == null) {
            throw Errors.validation("Query condition missed key schema element");
        }
        return new QueryKeyCondition(hash, op, low, high);
    }

    private static Object raw(AttributeValue v) {
        return v.s() != null ? v.s() : v.n() != null ? v.n() : v.b();
    }

    private static void flatten(Condition c, List<Condition> out) {
        if (c instanceof And a) {
            flatten(a.left(), out);
            flatten(a.right(), out);
        } else {
            out.add(c);
        }
    }

    private static String keyName(Operand o, Context ctx) {
        if (!(o instanceof PathOperand p) || p.path().steps().size() != 1 || p.path().steps().get(0).isIndex()) {
            throw Errors.validation("Query condition missed key schema element");
        }
        return ctx.name(p.path().steps().get(0).name());
    }

    private static void checkType(AttributeValue v, String type) {
        if (v == null || !type.equals(AttributeSemantics.type(v))) {
            throw Errors.validation(
                    "One or more parameter values were invalid: Condition parameter type does not match schema type");
        }
    }

    private static RuntimeException invalidOperator(String op) {
        return Errors.validation("Invalid operator used in KeyConditionExpression: " + op);
    }

    /** Whether a sort key value satisfies the sort key condition. */
    boolean matchesRange(AttributeValue v) {
        if (op == null) {
            return true;
        }
        if (op.equals("begins_with")) {
            if (v.s() != null) {
                return v.s().startsWith(low.s());
            }
            byte[] b = v.b().asByteArrayUnsafe();
            byte[] p = low.b().asByteArrayUnsafe();
            return b.length >= p.length && java.util.Arrays.equals(b, 0, p.length, p, 0, p.length);
        }
        if (op.equals("BETWEEN")) {
            return AttributeSemantics.compare(v, low) >= 0 && AttributeSemantics.compare(v, high) <= 0;
        }
        return Evaluator.compare(op, v, low);
    }
}
