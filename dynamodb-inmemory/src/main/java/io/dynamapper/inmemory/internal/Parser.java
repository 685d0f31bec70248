package io.dynamapper.inmemory.internal;

import io.dynamapper.inmemory.internal.Ast.And;
import io.dynamapper.inmemory.internal.Ast.Arithmetic;
import io.dynamapper.inmemory.internal.Ast.Between;
import io.dynamapper.inmemory.internal.Ast.Compare;
import io.dynamapper.inmemory.internal.Ast.Condition;
import io.dynamapper.inmemory.internal.Ast.Function;
import io.dynamapper.inmemory.internal.Ast.IfNotExists;
import io.dynamapper.inmemory.internal.Ast.In;
import io.dynamapper.inmemory.internal.Ast.ListAppend;
import io.dynamapper.inmemory.internal.Ast.Not;
import io.dynamapper.inmemory.internal.Ast.Operand;
import io.dynamapper.inmemory.internal.Ast.Or;
import io.dynamapper.inmemory.internal.Ast.Path;
import io.dynamapper.inmemory.internal.Ast.PathOperand;
import io.dynamapper.inmemory.internal.Ast.SizeOperand;
import io.dynamapper.inmemory.internal.Ast.Step;
import io.dynamapper.inmemory.internal.Ast.UpdateAction;
import io.dynamapper.inmemory.internal.Ast.ValueOperand;
import io.dynamapper.inmemory.internal.Lexer.Kind;
import io.dynamapper.inmemory.internal.Lexer.Token;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Recursive-descent parser for DynamoDB's expression language. Precedence, loosest first:
 * {@code OR}, {@code AND}, {@code NOT}, then comparisons, {@code BETWEEN}, {@code IN} and functions;
 * parentheses override. Errors are ValidationExceptions worded like DynamoDB's.
 */
final class Parser {
    private static final Set<String> CONDITION_FUNCTIONS =
            Set.of("attribute_exists", "attribute_not_exists", "attribute_type", "begins_with", "contains");

    private final String source;
    private final String kind;
    private final List<Token> tokens;
    private int pos;
    private final Set<String> names = new LinkedHashSet<>();
    private final Set<String> values = new LinkedHashSet<>();
    /** A parenthesised condition directly inside another pair, e.g. {@code ((a = :v))}. */
    private boolean redundantParentheses;

    private Parser(String source, String kind) {
        this.source = source;
        this.kind = kind;
        if (source.trim().isEmpty()) {
            throw Errors.invalidExpression(kind, "The expression can not be empty;");
        }
        this.tokens = Lexer.tokenize(source, kind);
    }

    /** Parses a condition, filter or key condition expression; {@code kind} names it in error messages. */
    static Ast.ParsedCondition parseCondition(String source, String kind) {
        Parser p = new Parser(source, kind);
        Condition c = p.or();
        p.expect(Kind.EOF);
        if (p.redundantParentheses) {
            // reported only for an expression that parses, as DynamoDB does
            throw Errors.invalidExpression(kind, "The expression has redundant parentheses;");
        }
        return new Ast.ParsedCondition(c, Set.copyOf(p.names), Set.copyOf(p.values));
    }

    /** Parses an update expression. */
    static Ast.ParsedUpdate parseUpdate(String source) {
        Parser p = new Parser(source, "UpdateExpression");
        List<UpdateAction> actions = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        while (p.peek().kind() != Kind.EOF) {
            Token t = p.peek();
            String clause = t.kind() == Kind.IDENT ? t.text().toUpperCase(Locale.ROOT) : "";
            if (!Set.of("SET", "REMOVE", "ADD", "DELETE").contains(clause)) {
                throw p.syntaxError();
            }
            p.pos++;
            if (!seen.add(clause)) {
                throw Errors.invalidExpression("UpdateExpression",
                        "The \"" + clause + "\" section can only be used once in an update expression;");
            }
            do {
                Path path = p.path();
                Operand value = null;
                switch (clause) {
                    case "SET" -> {
                        p.expect(Kind.EQ);
                        value = p.setValue();
                    }
                    case "ADD", "DELETE" -> value = p.operand();
                    default -> {
                    }
                }
                actions.add(new UpdateAction(clause, path, value));
            } while (p.accept(Kind.COMMA));
        }
        if (actions.isEmpty()) {
            throw Errors.invalidExpression("UpdateExpression", "The expression can not be empty;");
        }
        return new Ast.ParsedUpdate(List.copyOf(actions), Set.copyOf(p.names), Set.copyOf(p.values));
    }

    /** Parses a projection expression (comma-separated document paths). */
    static Ast.ParsedProjection parseProjection(String source) {
        Parser p = new Parser(source, "ProjectionExpression");
        List<Path> paths = new ArrayList<>();
        do {
            paths.add(p.path());
        } while (p.accept(Kind.COMMA));
        p.expect(Kind.EOF);
        return new Ast.ParsedProjection(List.copyOf(paths), Set.copyOf(p.names));
    }

    // ---- conditions

    private Condition or() {
        Condition left = and();
        while (acceptKeyword("OR")) {
            left = new Or(left, and());
        }
        return left;
    }

    private Condition and() {
        Condition left = not();
        while (acceptKeyword("AND")) {
            left = new And(left, not());
        }
        return left;
    }

    private Condition not() {
        if (acceptKeyword("NOT")) {
            return new Not(not());
        }
        return primary();
    }

    private Condition primary() {
        if (accept(Kind.LPAREN)) {
            int inner = pos;
            Condition c = or();
            expect(Kind.RPAREN);
            if (tokens.get(inner).kind() == Kind.LPAREN && closing(inner) == pos - 2) {
                redundantParentheses = true;
            }
            return c;
        }
        Token t = peek();
        if (t.kind() == Kind.IDENT && peekAt(1).kind() == Kind.LPAREN) {
            String fn = t.text();
            if (CONDITION_FUNCTIONS.contains(fn)) {
                pos++;
                return function(fn);
            }
            if (!"size".equals(fn)) {
                if ("if_not_exists".equals(fn) || "list_append".equals(fn)) {
                    throw Errors.invalidExpression(kind,
                            "The function is not allowed to be used this way in an expression; function: " + fn);
                }
                throw Errors.invalidExpression(kind, "Invalid function name; function: " + fn);
            }
        }
        Operand left = operand();
        Token op = peek();
        switch (op.kind()) {
            case EQ, NE, LT, LE, GT, GE -> {
                pos++;
                Operand right = operand();
                if (left.equals(right) && !(left instanceof ValueOperand)) {
                    throw Errors.invalidExpression(kind, "The first operand must be distinct from the remaining "
                            + "operands for this operator or function; operator: " + op.text()
                            + ", first operand: " + describe(left));
                }
                return new Compare(op.text(), left, right);
            }
            default -> {
            }
        }
        if (acceptKeyword("BETWEEN")) {
            Operand low = operand();
            expectKeyword("AND");
            Operand high = operand();
            return new Between(left, low, high);
        }
        if (acceptKeyword("IN")) {
            expect(Kind.LPAREN);
            List<Operand> list = new ArrayList<>();
            do {
                list.add(operand());
            } while (accept(Kind.COMMA));
            expect(Kind.RPAREN);
            if (list.size() > 100) {
                throw Errors.invalidExpression(kind,
                        "The IN operator is provided with too many operands; number of operands: " + list.size());
            }
            return new In(left, List.copyOf(list));
        }
        throw syntaxError();
    }

    private Condition function(String fn) {
        expect(Kind.LPAREN);
        List<Operand> args = new ArrayList<>();
        do {
            args.add(operand());
        } while (accept(Kind.COMMA));
        expect(Kind.RPAREN);
        int expected = fn.startsWith("attribute_") && !fn.equals("attribute_type") ? 1 : 2;
        if (args.size() != expected) {
            throw Errors.invalidExpression(kind, "Incorrect number of operands for operator or function; "
                    + "operator or function: " + fn + ", number of operands: " + args.size());
        }
        if (!(args.get(0) instanceof PathOperand)) {
            throw Errors.invalidExpression(kind,
                    "Operator or function requires a document path; operator or function: " + fn);
        }
        return new Function(fn, List.copyOf(args));
    }

    // ---- operands

    /** path | :value | size(path). */
    private Operand operand() {
        Token t = peek();
        if (t.kind() == Kind.VALUE_REF) {
            pos++;
            values.add(t.text());
            return new ValueOperand(t.text());
        }
        if (t.kind() == Kind.IDENT && peekAt(1).kind() == Kind.LPAREN) {
            String fn = t.text();
            pos++;
            expect(Kind.LPAREN);
            switch (fn) {
                case "size" -> {
                    Operand arg = operand();
                    expect(Kind.RPAREN);
                    if (!(arg instanceof PathOperand po)) {
                        throw Errors.invalidExpression(kind,
                                "Operator or function requires a document path; operator or function: size");
                    }
                    return new SizeOperand(po.path());
                }
                case "if_not_exists" -> {
                    if (!kind.equals("UpdateExpression")) {
                        throw notAllowed(fn);
                    }
                    Operand p = operand();
                    expect(Kind.COMMA);
                    Operand fallback = operand();
                    expect(Kind.RPAREN);
                    if (!(p instanceof PathOperand po)) {
                        throw Errors.invalidExpression(kind,
                                "Operator or function requires a document path; operator or function: if_not_exists");
                    }
                    return new IfNotExists(po.path(), fallback);
                }
                case "list_append" -> {
                    if (!kind.equals("UpdateExpression")) {
                        throw notAllowed(fn);
                    }
                    Operand a = operand();
                    expect(Kind.COMMA);
                    Operand b = operand();
                    expect(Kind.RPAREN);
                    return new ListAppend(a, b);
                }
                default -> {
                    if (CONDITION_FUNCTIONS.contains(fn)) {
                        throw notAllowed(fn);
                    }
                    throw Errors.invalidExpression(kind, "Invalid function name; function: " + fn);
                }
            }
        }
        if (t.kind() == Kind.IDENT || t.kind() == Kind.NAME_REF) {
            return new PathOperand(path());
        }
        throw syntaxError();
    }

    /** The index of the parenthesis closing the one at {@code open}, or -1. */
    private int closing(int open) {
        int depth = 0;
        for (int i = open; i < tokens.size(); i++) {
            Kind k = tokens.get(i).kind();
            if (k == Kind.LPAREN) {
                depth++;
            } else if (k == Kind.RPAREN && --depth == 0) {
                return i;
            }
        }
        return -1;
    }

    private RuntimeException notAllowed(String fn) {
        return Errors.invalidExpression(kind,
                "The function is not allowed to be used this way in an expression; function: " + fn);
    }

    /** operand [ (+|-) operand ], used on the right of SET. */
    private Operand setValue() {
        Operand left = operand();
        if (left instanceof SizeOperand) {
            throw notAllowed("size");
        }
        if (accept(Kind.PLUS)) {
            return new Arithmetic(left, '+', operand());
        }
        if (accept(Kind.MINUS)) {
            return new Arithmetic(left, '-', operand());
        }
        return left;
    }

    /** name ( .name | [n] )*. Bare names must not be reserved words. */
    private Path path() {
        List<Step> steps = new ArrayList<>();
        steps.add(Step.name(pathName()));
        while (true) {
            if (accept(Kind.DOT)) {
                steps.add(Step.name(pathName()));
            } else if (accept(Kind.LBRACKET)) {
                Token n = peek();
                if (n.kind() != Kind.NUMBER) {
                    throw syntaxError();
                }
                pos++;
                int index;
                try {
                    index = Integer.parseInt(n.text());
                } catch (NumberFormatException e) {
                    throw Errors.invalidExpression(kind, "List index is out of range; index: " + n.text());
                }
                expect(Kind.RBRACKET);
                steps.add(Step.index(index));
            } else {
                return new Path(List.copyOf(steps));
            }
        }
    }

    private String pathName() {
        Token t = peek();
        if (t.kind() == Kind.NAME_REF) {
            pos++;
            names.add(t.text());
            return t.text();
        }
        if (t.kind() == Kind.IDENT) {
            pos++;
            if (ReservedWords.isReserved(t.text())) {
                throw Errors.invalidExpression(kind,
                        "Attribute name is a reserved keyword; reserved keyword: " + t.text());
            }
            return t.text();
        }
        throw syntaxError();
    }

    private static String describe(Operand o) {
        if (o instanceof PathOperand p) {
            List<String> parts = new ArrayList<>();
            for (Step s : p.path().steps()) {
                parts.add(s.toString());
            }
            return "[" + String.join(", ", parts) + "]";
        }
        return o.toString();
    }

    // ---- token helpers

    private Token peek() {
        return tokens.get(pos);
    }

    private Token peekAt(int ahead) {
        return tokens.get(Math.min(pos + ahead, tokens.size() - 1));
    }

    private boolean accept(Kind k) {
        if (peek().kind() == k) {
            pos++;
            return true;
        }
        return false;
    }

    private void expect(Kind k) {
        if (!accept(k)) {
            throw syntaxError();
        }
    }

    private boolean acceptKeyword(String word) {
        Token t = peek();
        if (t.kind() == Kind.IDENT && t.text().equalsIgnoreCase(word)) {
            pos++;
            return true;
        }
        return false;
    }

    private void expectKeyword(String word) {
        if (!acceptKeyword(word)) {
            throw syntaxError();
        }
    }

    private RuntimeException syntaxError() {
        Token t = peek();
        int from = pos > 0 ? tokens.get(pos - 1).start() : t.start();
        int to = t.kind() == Kind.EOF ? source.length() : t.end();
        return Errors.invalidExpression(kind,
                "Syntax error; token: \"" + t.text() + "\", near: \"" + source.substring(from, to) + "\"");
    }
}
