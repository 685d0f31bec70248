package io.dynamapper.inmemory.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Parses the statements of DynamoDB's PartiQL dialect (SELECT, INSERT, UPDATE, DELETE and, in
 * transactions, EXISTS) into {@link PartiqlStatement}s whose conditions and updates are written in
 * DynamoDB's expression language, with generated placeholders: attribute names become {@code #pN},
 * literals and {@code ?} parameters become {@code :vN}. The existing expression machinery then
 * evaluates them, as DynamoDB itself runs PartiQL on its expression engine.
 *
 * <p>Errors are ValidationExceptions with DynamoDB's messages ("Statement wasn't well formed, can't be
 * processed: ...", "Number of parameters in request and statement don't match.").
 */
final class PartiqlParser {
    private static final Set<String> KEYWORDS = Set.of("SELECT", "FROM", "WHERE", "AND", "OR", "NOT", "IN",
            "BETWEEN", "IS", "MISSING", "NULL", "TRUE", "FALSE", "INSERT", "INTO", "VALUE", "VALUES", "UPDATE", "SET",
            "REMOVE", "DELETE", "RETURNING", "ALL", "MODIFIED", "OLD", "NEW", "ORDER", "BY", "ASC", "DESC", "EXISTS");
    /** The types {@code IS} tests, as DynamoDB names them, and the attribute type each means. */
    private static final Map<String, String> IS_TYPES = Map.of("NULL", "NULL", "BOOLEAN", "BOOL", "BLOB", "B",
            "STRING", "S", "NUMERIC", "N", "STRUCT", "M", "TUPLE", "M", "LIST", "L");

    enum Kind { IDENT, QIDENT, STRING, NUMBER, QMARK, PUNCT, EOF }

    record Token(Kind kind, String text, int start) {
        boolean is(String punct) {
            return kind == Kind.PUNCT && text.equals(punct);
        }

        boolean isKeyword(String word) {
            return kind == Kind.IDENT && text.equalsIgnoreCase(word);
        }
    }

    private final List<Token> tokens;
    private final List<AttributeValue> parameters;
    private final boolean allowExists;
    private int pos;
    private int parameterCount;
    private final Map<String, String> refByName = new LinkedHashMap<>();
    private final Map<String, String> names = new LinkedHashMap<>();
    private final Map<String, AttributeValue> values = new LinkedHashMap<>();

    private PartiqlParser(String source, List<AttributeValue> parameters, boolean allowExists) {
        this.tokens = tokenize(source);
        this.parameters = parameters;
        this.allowExists = allowExists;
    }

    /**
     * Parses one statement with its parameters.
     *
     * @param allowExists whether {@code EXISTS(SELECT ...)} is allowed (ExecuteTransaction writes only)
     */
    static PartiqlStatement parse(String source, List<AttributeValue> parameters, boolean allowExists) {
        if (source == null) {
            throw Errors.validation("1 validation error detected: Value null at 'statement' failed to satisfy "
                    + "constraint: Member must not be null");
        }
        if (source.isEmpty() || source.length() > 8192) {
            throw Errors.validation("1 validation error detected: Value '" + source + "' at 'statement' failed to "
                    + "satisfy constraint: Member must have length " + (source.isEmpty()
                    ? "greater than or equal to 1" : "less than or equal to 8192"));
        }
        PartiqlParser p = new PartiqlParser(source, parameters, allowExists);
        PartiqlStatement statement = p.statement();
        if (p.parameterCount != parameters.size()) {
            throw Errors.validation("Number of parameters in request and statement don't match.");
        }
        return statement;
    }

    // ------------------------------------------------------------------ statements

    private PartiqlStatement statement() {
        Token first = peek();
        PartiqlStatement s;
        if (first.isKeyword("SELECT")) {
            s = select();
        } else if (first.isKeyword("INSERT")) {
            s = insert();
        } else if (first.isKeyword("UPDATE")) {
            s = update();
        } else if (first.isKeyword("DELETE")) {
            s = delete();
        } else if (first.isKeyword("EXISTS") && allowExists) {
            pos++;
            expect("(");
            PartiqlStatement.Select inner = select();
            expect(")");
            s = new PartiqlStatement.Exists(inner);
        } else if (first.isKeyword("EXISTS")) {
            throw Errors.validation("EXISTS can only be used in ExecuteTransaction write requests.");
        } else {
            throw malformed("Expected data manipulation");
        }
        if (peek().is(";")) {
            pos++;
        }
        if (peek().kind() != Kind.EOF) {
            throw unexpected();
        }
        return s;
    }

    private PartiqlStatement.Select select() {
        expectKeyword("SELECT");
        List<PartiqlStatement.Projection> projection = new ArrayList<>();
        boolean star = false;
        int position = 0;
        do {
            position++;
            if (peek().is("*")) {
                pos++;
                star = true;
            } else {
                List<Object> steps = resolvedPath();
                Object last = steps.get(steps.size() - 1);
                String alias = last instanceof String s ? s : "_" + position;
                projection.add(new PartiqlStatement.Projection(alias, steps));
            }
        } while (accept(","));
        if (star && !projection.isEmpty()) {
            throw Errors.validation("Other attributes should not be present in the projection when '*' is used.");
        }
        Set<String> aliases = new LinkedHashSet<>();
        for (PartiqlStatement.Projection pr : projection) {
            if (!aliases.add(pr.alias())) {
                throw Errors.validation("Duplicate identifiers in select clause: " + pr.alias());
            }
        }
        expectKeyword("FROM");
        String table = name();
        String index = null;
        if (accept(".")) {
            index = name();
            if (peek().is(".")) {
                throw Errors.validation("A path may contain at most 2 components in the FROM clause");
            }
        }
        if (peek().is(",")) {
            throw Errors.validation("Only select from a single table or index is supported.");
        }
        PartiqlStatement.Cond where = null;
        if (acceptKeyword("WHERE")) {
            where = or();
        }
        List<PartiqlStatement.Order> orderBy = new ArrayList<>();
        if (acceptKeyword("ORDER")) {
            expectKeyword("BY");
            do {
                String key = name();
                boolean descending = false;
                if (acceptKeyword("DESC")) {
                    descending = true;
                } else {
                    acceptKeyword("ASC");
                }
                orderBy.add(new PartiqlStatement.Order(key, descending));
            } while (accept(","));
        }
        return new PartiqlStatement.Select(table, index, star ? null : List.copyOf(projection), where,
                List.copyOf(orderBy), names(), values());
    }

    private PartiqlStatement insert() {
        expectKeyword("INSERT");
        expectKeyword("INTO");
        String table = name();
        if (peek().isKeyword("VALUES")) {
            throw Errors.validation("Unsupported operation: Inserting multiple items in a single statement is not "
                    + "supported, use \"INSERT INTO tableName VALUE item\" instead");
        }
        expectKeyword("VALUE");
        if (!peek().is("{")) {
            throw Errors.validation("Unsupported format in item expression. Please use struct format {...} to "
                    + "express item values for insert statement.");
        }
        AttributeValue item = literal();
        if (peek().isKeyword("RETURNING")) {
            throw Errors.validation("RETURNING is not supported in INSERT");
        }
        return new PartiqlStatement.Insert(table, item.m());
    }

    private PartiqlStatement update() {
        expectKeyword("UPDATE");
        String table = name();
        List<String> set = new ArrayList<>();
        List<String> remove = new ArrayList<>();
        List<String> add = new ArrayList<>();
        List<String> delete = new ArrayList<>();
        boolean any = false;
        while (true) {
            if (acceptKeyword("SET")) {
                do {
                    setItem(set, add, delete);
                } while (accept(","));
            } else if (acceptKeyword("REMOVE")) {
                do {
                    remove.add(path());
                } while (accept(","));
            } else {
                break;
            }
            any = true;
        }
        if (!any) {
            throw unexpected();
        }
        StringBuilder expression = new StringBuilder();
        appendClause(expression, "SET", set);
        appendClause(expression, "REMOVE", remove);
        appendClause(expression, "ADD", add);
        appendClause(expression, "DELETE", delete);
        if (!acceptKeyword("WHERE")) {
            if (peek().kind() == Kind.EOF || peek().isKeyword("RETURNING")) {
                throw Errors.validation("Where clause does not contain a mandatory equality on all key attributes");
            }
            throw unexpected();
        }
        PartiqlStatement.Cond where = or();
        String returning = returning();
        return new PartiqlStatement.Update(table, expression.toString(), where, returning, names(), values());
    }

    private static void appendClause(StringBuilder out, String keyword, List<String> actions) {
        if (!actions.isEmpty()) {
            out.append(out.length() == 0 ? "" : " ").append(keyword).append(' ').append(String.join(", ", actions));
        }
    }

    /** path = value | path = path (+|-) value | list_append(...) | set_add(path, bag) | set_delete(path, bag). */
    private void setItem(List<String> set, List<String> add, List<String> delete) {
        String target = path();
        expect("=");
        Token t = peek();
        if (t.kind() == Kind.IDENT && peekAt(1).is("(")) {
            String fn = t.text().toLowerCase(Locale.ROOT);
            pos += 2;
            switch (fn) {
                case "list_append" -> {
                    String a = term();
                    expect(",");
                    String b = term();
                    expect(")");
                    set.add(target + " = list_append(" + a + ", " + b + ")");
                }
                case "set_add", "set_delete" -> {
                    String op = fn.substring(4).toUpperCase(Locale.ROOT);
                    List<String> args = new ArrayList<>();
                    do {
                        args.add(term());
                    } while (accept(","));
                    expect(")");
                    if (args.size() != 2) {
                        throw Errors.validation("SET_" + op + " must have exactly two arguments");
                    }
                    if (!args.get(0).equals(target)) {
                        throw Errors.validation("The first argument to SET_" + op + " must equal the assignment value");
                    }
                    AttributeValue v = args.get(1).startsWith(":") ? values.get(args.get(1)) : null;
                    if (v == null || !(v.hasSs() || v.hasNs() || v.hasBs())) {
                        throw Errors.validation("The second argument to SET_" + op + " must be a value with type SET");
                    }
                    (op.equals("ADD") ? add : delete).add(target + " " + args.get(1));
                }
                default -> throw Errors.validation("Unrecognized function: " + t.text());
            }
            return;
        }
        String value = term();
        if (accept("+")) {
            set.add(target + " = " + value + " + " + term());
        } else if (accept("-")) {
            set.add(target + " = " + value + " - " + term());
        } else {
            set.add(target + " = " + value);
        }
    }

    /** A path, a literal or a parameter, as expression text. */
    private String term() {
        Token t = peek();
        if (t.kind() == Kind.IDENT && !KEYWORDS.contains(t.text().toUpperCase(Locale.ROOT)) || t.kind() == Kind.QIDENT) {
            return path();
        }
        return valueRef(literal());
    }

    private PartiqlStatement delete() {
        expectKeyword("DELETE");
        expectKeyword("FROM");
        String table = name();
        if (!acceptKeyword("WHERE")) {
            if (peek().kind() == Kind.EOF || peek().isKeyword("RETURNING")) {
                throw Errors.validation("Where clause does not contain a mandatory equality on all key attributes");
            }
            throw unexpected();
        }
        PartiqlStatement.Cond where = or();
        String returning = returning();
        if (returning != null && !returning.equals("ALL OLD")) {
            throw Errors.validation("Invalid returning clause: RETURNING " + returning
                    + " *. Only RETURNING ALL OLD * is allowed in DELETE statements.");
        }
        return new PartiqlStatement.Delete(table, where, returning, names(), values());
    }

    /** [RETURNING (ALL|MODIFIED) (OLD|NEW) *], as "ALL OLD" etc. */
    private String returning() {
        if (!acceptKeyword("RETURNING")) {
            return null;
        }
        String which = acceptKeyword("ALL") ? "ALL" : acceptKeyword("MODIFIED") ? "MODIFIED" : null;
        String age = which == null ? null : acceptKeyword("OLD") ? "OLD" : acceptKeyword("NEW") ? "NEW" : null;
        if (age == null) {
            throw unexpected();
        }
        if (!accept("*")) {
            throw Errors.validation("Expected '*' after ( MODIFIED | ALL ) ( NEW | OLD ) in RETURNING clause");
        }
        if (peek().is(",")) {
            throw Errors.validation("Invalid syntax with multiple returning elements in RETURNING clause");
        }
        return which + " " + age;
    }

    // ------------------------------------------------------------------ conditions

    private PartiqlStatement.Cond or() {
        List<PartiqlStatement.Cond> parts = new ArrayList<>();
        parts.add(and());
        while (acceptKeyword("OR")) {
            parts.add(and());
        }
        return parts.size() == 1 ? parts.get(0) : new PartiqlStatement.Or(List.copyOf(parts));
    }

    private PartiqlStatement.Cond and() {
        List<PartiqlStatement.Cond> parts = new ArrayList<>();
        parts.add(not());
        while (acceptKeyword("AND")) {
            parts.add(not());
        }
        return parts.size() == 1 ? parts.get(0) : new PartiqlStatement.And(List.copyOf(parts));
    }

    private PartiqlStatement.Cond not() {
        if (acceptKeyword("NOT")) {
            return new PartiqlStatement.Not(not());
        }
        return predicate();
    }

    private PartiqlStatement.Cond predicate() {
        if (accept("(")) {
            PartiqlStatement.Cond c = or();
            expect(")");
            return c;
        }
        Token t = peek();
        if (t.kind() == Kind.IDENT && peekAt(1).is("(")) {
            String fn = t.text().toLowerCase(Locale.ROOT);
            if (fn.equals("begins_with") || fn.equals("contains") || fn.equals("attribute_type")) {
                pos += 2;
                String target = path();
                String attribute = single;
                expect(",");
                Operand second = operand();
                expect(")");
                String text = fn + "(" + target + ", " + second.text() + ")";
                return new PartiqlStatement.Atom(text, attribute, fn, second.isValue() ? List.of(second.text()) : List.of());
            }
            if (!fn.equals("size")) {
                throw Errors.validation("Unrecognized function: " + t.text());
            }
        }
        Operand left = operand();
        Token op = peek();
        if (op.kind() == Kind.PUNCT && Set.of("=", "<>", "!=", "<", "<=", ">", ">=").contains(op.text())) {
            pos++;
            Operand right = operand();
            String symbol = op.text().equals("!=") ? "<>" : op.text();
            String text = left.text() + " " + symbol + " " + right.text();
            if (left.attribute() != null && right.isValue()) {
                return new PartiqlStatement.Atom(text, left.attribute(), symbol, List.of(right.text()));
            }
            if (right.attribute() != null && left.isValue()) {
                return new PartiqlStatement.Atom(text, right.attribute(), flip(symbol), List.of(left.text()));
            }
            return new PartiqlStatement.Atom(text, null, symbol, List.of());
        }
        if (acceptKeyword("BETWEEN")) {
            Operand low = operand();
            expectKeyword("AND");
            Operand high = operand();
            String text = left.text() + " BETWEEN " + low.text() + " AND " + high.text();
            boolean simple = left.attribute() != null && low.isValue() && high.isValue();
            return new PartiqlStatement.Atom(text, simple ? left.attribute() : null, "BETWEEN",
                    simple ? List.of(low.text(), high.text()) : List.of());
        }
        boolean negated = false;
        if (peek().isKeyword("NOT") && peekAt(1).isKeyword("IN")) {
            pos++;
            negated = true;
        }
        if (acceptKeyword("IN")) {
            String close = accept("[") ? "]" : accept("(") ? ")" : null;
            if (close == null) {
                throw Errors.validation("IN operator must have a left hand argument of type Variable Reference and "
                        + "right hand argument of type Seq with at least one member");
            }
            List<String> refs = new ArrayList<>();
            if (!peek().is(close)) {
                do {
                    Operand o = operand();
                    refs.add(o.text());
                } while (accept(","));
            }
            expect(close);
            if (refs.isEmpty() || left.attribute() == null && !(left.text().startsWith("#"))) {
                throw Errors.validation("IN operator must have a left hand argument of type Variable Reference and "
                        + "right hand argument of type Seq with at least one member");
            }
            String text = left.text() + " IN (" + String.join(", ", refs) + ")";
            PartiqlStatement.Atom in = new PartiqlStatement.Atom(text, left.attribute(), "IN",
                    refs.stream().allMatch(r -> r.startsWith(":")) ? List.copyOf(refs) : List.of());
            return negated ? new PartiqlStatement.Not(in) : in;
        }
        if (acceptKeyword("IS")) {
            boolean not = acceptKeyword("NOT");
            Token type = peek();
            if (type.kind() != Kind.IDENT) {
                throw unexpected();
            }
            pos++;
            String name = type.text().toUpperCase(Locale.ROOT);
            if (!left.text().startsWith("#")) {
                throw Errors.validation("The left hand side argument to IS must be a Variable Reference, Literal, or Path");
            }
            String text;
            if (name.equals("MISSING")) {
                text = (not ? "attribute_exists(" : "attribute_not_exists(") + left.text() + ")";
                return new PartiqlStatement.Atom(text, left.attribute(), not ? "exists" : "missing", List.of());
            }
            String attributeType = IS_TYPES.get(name);
            if (attributeType == null) {
                throw Errors.validation("Unsupported data type for IS operator: " + type.text() + ". Supported data "
                        + "types are [MISSING, NULL, BOOLEAN, BLOB, STRING, NUMERIC, STRUCT, TUPLE, LIST]");
            }
            PartiqlStatement.Atom is = new PartiqlStatement.Atom("attribute_type(" + left.text() + ", "
                    + valueRef(AttributeValue.fromS(attributeType)) + ")", left.attribute(), "is", List.of());
            return not ? new PartiqlStatement.Not(is) : is;
        }
        throw unexpected();
    }

    private static String flip(String op) {
        return switch (op) {
            case "<" -> ">";
            case "<=" -> ">=";
            case ">" -> "<";
            case ">=" -> "<=";
            default -> op;
        };
    }

    /** An operand as expression text; {@code attribute} is set for a path of one top-level name. */
    private record Operand(String text, String attribute) {
        boolean isValue() {
            return text.startsWith(":");
        }
    }

    /** Set by {@link #path()}: the attribute name when the path was a single top-level name, else null. */
    private String single;

    private Operand operand() {
        Token t = peek();
        if (t.kind() == Kind.IDENT && t.text().equalsIgnoreCase("size") && peekAt(1).is("(")) {
            pos += 2;
            String p = path();
            expect(")");
            return new Operand("size(" + p + ")", null);
        }
        if (t.kind() == Kind.IDENT && t.text().equalsIgnoreCase("MISSING")) {
            throw Errors.validation("MISSING must be compared using IS operator");
        }
        if (t.kind() == Kind.QIDENT || t.kind() == Kind.IDENT && !KEYWORDS.contains(t.text().toUpperCase(Locale.ROOT))) {
            String p = path();
            return new Operand(p, single);
        }
        return new Operand(valueRef(literal()), null);
    }

    // ------------------------------------------------------------------ paths, names and values

    /** A document path as expression text with name placeholders. Sets {@link #single}. */
    private String path() {
        List<Object> steps = resolvedPath();
        StringBuilder text = new StringBuilder();
        for (Object s : steps) {
            if (s instanceof Integer i) {
                text.append('[').append(i).append(']');
            } else {
                text.append(text.length() == 0 ? "" : ".").append(nameRef((String) s));
            }
        }
        single = steps.size() == 1 ? (String) steps.get(0) : null;
        return text.toString();
    }

    /** name ( .name | [n] | ['name'] )*, resolved to names (String) and list indexes (Integer). */
    private List<Object> resolvedPath() {
        List<Object> steps = new ArrayList<>();
        Token first = peek();
        if (first.is("[")) {
            throw Errors.validation("A path cannot start with a list index");
        }
        steps.add(name());
        while (true) {
            if (accept(".")) {
                if (peek().is("*")) {
                    throw Errors.validation("Unpivot path component like a.*.b are not supported");
                }
                steps.add(name());
            } else if (accept("[")) {
                Token t = peek();
                if (t.kind() == Kind.NUMBER) {
                    pos++;
                    int index;
                    try {
                        index = Integer.parseInt(t.text());
                    } catch (NumberFormatException e) {
                        throw Errors.validation("List index is not within the allowable range; index: [" + t.text() + "]");
                    }
                    steps.add(index);
                } else if (t.kind() == Kind.STRING) {
                    pos++;
                    if (t.text().isEmpty()) {
                        throw Errors.validation("Path component cannot be an empty string");
                    }
                    steps.add(t.text());
                } else if (t.is("*")) {
                    throw Errors.validation("Wildcard path component like a[*].b are not supported");
                } else {
                    throw unexpected();
                }
                expect("]");
            } else {
                return steps;
            }
        }
    }

    /** A bare or double-quoted identifier (a table, index or attribute name). */
    private String name() {
        Token t = peek();
        if (t.kind() == Kind.QIDENT) {
            pos++;
            if (t.text().isEmpty()) {
                throw Errors.validation("Path component cannot be an empty string");
            }
            return t.text();
        }
        if (t.kind() == Kind.IDENT && !KEYWORDS.contains(t.text().toUpperCase(Locale.ROOT))) {
            pos++;
            return t.text();
        }
        throw unexpected();
    }

    private String nameRef(String attribute) {
        return refByName.computeIfAbsent(attribute, a -> {
            String ref = "#p" + names.size();
            names.put(ref, a);
            return ref;
        });
    }

    private String valueRef(AttributeValue v) {
        String ref = ":v" + values.size();
        values.put(ref, v);
        return ref;
    }

    /** A literal value: string, number, boolean, null, {struct}, [list], <<bag>>, or a {@code ?} parameter. */
    private AttributeValue literal() {
        Token t = peek();
        switch (t.kind()) {
            case STRING -> {
                pos++;
                return AttributeValue.fromS(t.text());
            }
            case NUMBER -> {
                pos++;
                return AttributeValue.fromN(t.text());
            }
            case QMARK -> {
                pos++;
                int index = parameterCount++;
                return index < parameters.size() ? parameters.get(index) : AttributeValue.fromNul(true);
            }
            case IDENT -> {
                String word = t.text().toUpperCase(Locale.ROOT);
                pos++;
                switch (word) {
                    case "TRUE":
                        return AttributeValue.fromBool(true);
                    case "FALSE":
                        return AttributeValue.fromBool(false);
                    case "NULL":
                        return AttributeValue.fromNul(true);
                    case "MISSING":
                        throw Errors.validation("MISSING must be compared using IS operator");
                    default:
                        pos--;
                        throw unexpected();
                }
            }
            default -> {
            }
        }
        if (t.is("-") || t.is("+")) {
            pos++;
            Token n = peek();
            if (n.kind() != Kind.NUMBER) {
                throw unexpected();
            }
            pos++;
            return AttributeValue.fromN((t.is("-") ? "-" : "") + n.text());
        }
        if (accept("{")) {
            Map<String, AttributeValue> m = new LinkedHashMap<>();
            if (!peek().is("}")) {
                do {
                    Token k = peek();
                    if (k.kind() != Kind.STRING && k.kind() != Kind.QIDENT) {
                        throw unexpected();
                    }
                    pos++;
                    expect(":");
                    if (m.put(k.text(), literal()) != null) {
                        throw Errors.validation("Duplicate keys in tuple. Key: " + k.text() + " under "
                                + (m.size() == 1 ? "root" : "tuple"));
                    }
                } while (accept(","));
            }
            expect("}");
            return AttributeValue.fromM(m);
        }
        if (accept("[")) {
            List<AttributeValue> l = new ArrayList<>();
            if (!peek().is("]")) {
                do {
                    l.add(literal());
                } while (accept(","));
            }
            expect("]");
            return AttributeValue.fromL(l);
        }
        if (accept("<<")) {
            List<AttributeValue> bag = new ArrayList<>();
            if (!peek().is(">>")) {
                do {
                    bag.add(literal());
                } while (accept(","));
            }
            expect(">>");
            return bag(bag);
        }
        throw unexpected();
    }

    private static AttributeValue bag(List<AttributeValue> bag) {
        if (bag.isEmpty()) {
            throw Errors.validation("Empty bags are not supported");
        }
        boolean strings = bag.stream().allMatch(v -> v.s() != null);
        boolean numbers = bag.stream().allMatch(v -> v.n() != null);
        if (strings) {
            return AttributeValue.fromSs(bag.stream().map(AttributeValue::s).distinct().toList());
        }
        if (numbers) {
            return AttributeValue.fromNs(bag.stream().map(AttributeValue::n).distinct().toList());
        }
        throw Errors.validation("Unsupported data type in Bag. DynamoDB only supports either numbers or strings in bags");
    }

    private Map<String, String> names() {
        return Map.copyOf(names);
    }

    private Map<String, AttributeValue> values() {
        return java.util.Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    // ------------------------------------------------------------------ tokens

    private Token peek() {
        return tokens.get(pos);
    }

    private Token peekAt(int ahead) {
        return tokens.get(Math.min(pos + ahead, tokens.size() - 1));
    }

    private boolean accept(String punct) {
        if (peek().is(punct)) {
            pos++;
            return true;
        }
        return false;
    }

    private void expect(String punct) {
        if (!accept(punct)) {
            throw unexpected();
        }
    }

    private boolean acceptKeyword(String word) {
        if (peek().isKeyword(word)) {
            pos++;
            return true;
        }
        return false;
    }

    private void expectKeyword(String word) {
        if (!acceptKeyword(word)) {
            throw unexpected();
        }
    }

    private RuntimeException unexpected() {
        Token t = peek();
        if (t.kind() == Kind.EOF) {
            return malformed("Unexpected end of statement");
        }
        if (t.kind() == Kind.IDENT && KEYWORDS.contains(t.text().toUpperCase(Locale.ROOT))) {
            return malformed("Unexpected keyword");
        }
        return malformed("Unexpected token");
    }

    private static RuntimeException malformed(String detail) {
        return Errors.validation("Statement wasn't well formed, can't be processed: " + detail);
    }

    static List<Token> tokenize(String s) {
        List<Token> out = new ArrayList<>();
        int i = 0;
        int n = s.length();
        while (i < n) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
                continue;
            }
            int start = i;
            if (c == '\'' || c == '"') {
                StringBuilder text = new StringBuilder();
                i++;
                while (true) {
                    if (i >= n) {
                        throw malformed(c == '\'' ? "Invalid string literal" : "Invalid quoted identifier");
                    }
                    char d = s.charAt(i);
                    if (d == c) {
                        if (i + 1 < n && s.charAt(i + 1) == c) {
                            text.append(c);
                            i += 2;
                            continue;
                        }
                        i++;
                        break;
                    }
                    text.append(d);
                    i++;
                }
                out.add(new Token(c == '\'' ? Kind.STRING : Kind.QIDENT, text.toString(), start));
                continue;
            }
            if (Character.isLetter(c) || c == '_' || c == '$') {
                while (i < n && (Character.isLetterOrDigit(s.charAt(i)) || s.charAt(i) == '_' || s.charAt(i) == '$')) {
                    i++;
                }
                out.add(new Token(Kind.IDENT, s.substring(start, i), start));
                continue;
            }
            if (Character.isDigit(c) || c == '.' && i + 1 < n && Character.isDigit(s.charAt(i + 1))
                    && (out.isEmpty() || out.get(out.size() - 1).kind() == Kind.PUNCT)) {
                while (i < n && (Character.isDigit(s.charAt(i)) || s.charAt(i) == '.')) {
                    i++;
                }
                if (i < n && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
                    int j = i + 1;
                    if (j < n && (s.charAt(j) == '+' || s.charAt(j) == '-')) {
                        j++;
                    }
                    if (j < n && Character.isDigit(s.charAt(j))) {
                        i = j;
                        while (i < n && Character.isDigit(s.charAt(i))) {
                            i++;
                        }
                    }
                }
                out.add(new Token(Kind.NUMBER, s.substring(start, i), start));
                continue;
            }
            if (c == '?') {
                out.add(new Token(Kind.QMARK, "?", start));
                i++;
                continue;
            }
            String two = i + 1 < n ? s.substring(i, i + 2) : "";
            if (Set.of("<=", ">=", "<>", "!=", "<<", ">>").contains(two)) {
                out.add(new Token(Kind.PUNCT, two, start));
                i += 2;
                continue;
            }
            if ("(){}[],.:*=<>+-;".indexOf(c) >= 0) {
                out.add(new Token(Kind.PUNCT, String.valueOf(c), start));
                i++;
                continue;
            }
            throw malformed("Unexpected token");
        }
        out.add(new Token(Kind.EOF, "", n));
        return out;
    }
}
