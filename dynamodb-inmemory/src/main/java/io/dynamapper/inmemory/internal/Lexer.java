package io.dynamapper.inmemory.internal;

import java.util.ArrayList;
import java.util.List;

/** Splits an expression string into tokens. Keywords are plain identifiers; the parser recognises them. */
final class Lexer {
    enum Kind { IDENT, NAME_REF, VALUE_REF, NUMBER, LPAREN, RPAREN, LBRACKET, RBRACKET, COMMA, DOT,
        EQ, NE, LT, LE, GT, GE, PLUS, MINUS, EOF }

    record Token(Kind kind, String text, int start, int end) {
    }

    private Lexer() {
    }

    /** Tokenises {@code source}; the last token is always EOF. */
    static List<Token> tokenize(String source, String kind) {
        List<Token> out = new ArrayList<>();
        int i = 0;
        int n = source.length();
        while (i < n) {
            char c = source.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
                continue;
            }
            int start = i;
            if (c == '#' || c == ':') {
                i++;
                while (i < n && isIdentPart(source.charAt(i))) {
                    i++;
                }
                if (i == start + 1) {
                    throw syntax(source, kind, out, String.valueOf(c), start, i);
                }
                out.add(new Token(c == '#' ? Kind.NAME_REF : Kind.VALUE_REF, source.substring(start, i), start, i));
                continue;
            }
            if (isIdentStart(c)) {
                while (i < n && isIdentPart(source.charAt(i))) {
                    i++;
                }
                out.add(new Token(Kind.IDENT, source.substring(start, i), start, i));
                continue;
            }
            if (c >= '0' && c <= '9') {
                while (i < n && source.charAt(i) >= '0' && source.charAt(i) <= '9') {
                    i++;
                }
                out.add(new Token(Kind.NUMBER, source.substring(start, i), start, i));
                continue;
            }
            Kind k;
            int len = 1;
            char next = i + 1 < n ? source.charAt(i + 1) : 0;
            switch (c) {
                case '(' -> k = Kind.LPAREN;
                case ')' -> k = Kind.RPAREN;
                case '[' -> k = Kind.LBRACKET;
                case ']' -> k = Kind.RBRACKET;
                case ',' -> k = Kind.COMMA;
                case '.' -> k = Kind.DOT;
                case '=' -> k = Kind.EQ;
                case '+' -> k = Kind.PLUS;
                case '-' -> k = Kind.MINUS;
                case '<' -> {
                    if (next == '=') {
                        k = Kind.LE;
                        len = 2;
                    } else if (next == '>') {
                        k = Kind.NE;
                        len = 2;
                    } else {
                        k = Kind.LT;
                    }
                }
                case '>' -> {
                    if (next == '=') {
                        k = Kind.GE;
                        len = 2;
                    } else {
                        k = Kind.GT;
                    }
                }
                default -> throw Errors.invalidExpression(kind,
                        "Invalid character encountered in expression; character: " + c);
            }
            i += len;
            out.add(new Token(k, source.substring(start, i), start, i));
        }
        out.add(new Token(Kind.EOF, "<EOF>", n, n));
        return out;
    }

    private static boolean isIdentStart(char c) {
        return Character.isLetter(c) || c == '_';
    }

    private static boolean isIdentPart(char c) {
        return Character.isLetterOrDigit(c) || c == '_';
    }

    private static RuntimeException syntax(String source, String kind, List<Token> before, String tok, int s, int e) {
        int from = before.isEmpty() ? s : before.get(before.size() - 1).start();
        return Errors.invalidExpression(kind,
                "Syntax error; token: \"" + tok + "\", near: \"" + source.substring(from, e) + "\"");
    }
}
