package dev.quarkflow.pipelineengine.domain;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The subset of CEL that the KFP SDK emits in {@code triggerPolicy.condition} and
 * {@code parameterExpressionSelector}: literals, {@code == != < <= > >=}, {@code && || !}, {@code + - * /},
 * indexing {@code a['k']}, field access {@code a.b}, and the functions {@code int()}, {@code double()},
 * {@code string()}, {@code bool()}, {@code size()} and {@code parseJson()}.
 *
 * <pre>{@code
 * CelExpression.parse("int(inputs.parameter_values['n']) > 5").evaluate(Map.of("inputs", inputs))
 * }</pre>
 *
 * Values are plain Java: {@code null}, {@link Boolean}, {@link Long} (CEL int), {@link Double}, {@link String},
 * {@link List}, {@link Map}. Ints and doubles compare numerically with each other, as cel-go's heterogeneous
 * equality does.
 */
public final class CelExpression {

    private final String source;
    private final Node root;

    private CelExpression(String source, Node root) {
        this.source = source;
        this.root = root;
    }

    /** Parses an expression; throws {@link CelException} naming the position of a syntax error. */
    public static CelExpression parse(String source) {
        Parser parser = new Parser(source);
        Node node = parser.expression();
        parser.expectEnd();
        return new CelExpression(source, node);
    }

    public Object evaluate(Map<String, Object> variables) {
        return root.eval(variables);
    }

    /** Evaluates a condition; anything but a boolean result is an error. */
    public boolean test(Map<String, Object> variables) {
        Object result = evaluate(variables);
        if (result instanceof Boolean bool) {
            return bool;
        }
        throw new CelException("condition '" + source + "' is not a boolean: " + Values.describe(result));
    }

    public String source() {
        return source;
    }

    /** A syntax or evaluation error of a CEL expression. */
    public static final class CelException extends RuntimeException {
        public CelException(String message) {
            super(message);
        }
    }

    private interface Node {
        Object eval(Map<String, Object> vars);
    }

    private record Literal(Object value) implements Node {
        public Object eval(Map<String, Object> vars) {
            return value;
        }
    }

    private record Identifier(String name) implements Node {
        public Object eval(Map<String, Object> vars) {
            if (!vars.containsKey(name)) {
                throw new CelException("undeclared reference to '" + name + "'");
            }
            return vars.get(name);
        }
    }

    private record ListNode(List<Node> items) implements Node {
        public Object eval(Map<String, Object> vars) {
            List<Object> values = new ArrayList<>();
            for (Node item : items) {
                values.add(item.eval(vars));
            }
            return values;
        }
    }

    private record Index(Node target, Node key) implements Node {
        public Object eval(Map<String, Object> vars) {
            return select(target.eval(vars), key.eval(vars));
        }
    }

    private record Field(Node target, String name) implements Node {
        public Object eval(Map<String, Object> vars) {
            return select(target.eval(vars), name);
        }
    }

    private record Not(Node operand) implements Node {
        public Object eval(Map<String, Object> vars) {
            return !asBoolean(operand.eval(vars), "!");
        }
    }

    private record Negate(Node operand) implements Node {
        public Object eval(Map<String, Object> vars) {
            Object value = operand.eval(vars);
            if (value instanceof Long l) {
                return -l;
            }
            if (value instanceof Double d) {
                return -d;
            }
            throw new CelException("no such overload: -" + Values.describe(value));
        }
    }

    private record Logical(String op, Node left, Node right) implements Node {
        public Object eval(Map<String, Object> vars) {
            boolean l = asBoolean(left.eval(vars), op);
            if (op.equals("&&") ? !l : l) {
                return l;
            }
            return asBoolean(right.eval(vars), op);
        }
    }

    private record Binary(String op, Node left, Node right) implements Node {
        public Object eval(Map<String, Object> vars) {
            Object l = left.eval(vars);
            Object r = right.eval(vars);
            return switch (op) {
                case "==" -> celEquals(l, r);
                case "!=" -> !celEquals(l, r);
                case "<" -> compare(l, r, op) < 0;
                case "<=" -> compare(l, r, op) <= 0;
                case ">" -> compare(l, r, op) > 0;
                case ">=" -> compare(l, r, op) >= 0;
                default -> arithmetic(op, l, r);
            };
        }
    }

    private record Call(String function, List<Node> args) implements Node {
        public Object eval(Map<String, Object> vars) {
            if (args.size() != 1) {
                throw new CelException("function " + function + " takes one argument, got " + args.size());
            }
            Object arg = args.get(0).eval(vars);
            return switch (function) {
                case "int" -> toInt(arg);
                case "double" -> toDouble(arg);
                case "string" -> arg instanceof String s ? s : Values.toJsonText(arg);
                case "bool" -> toBool(arg);
                case "size" -> size(arg);
                case "parseJson" -> Values.parseJson(asString(arg, "parseJson"));
                default -> throw new CelException("undeclared function '" + function + "'");
            };
        }
    }

    static Object select(Object target, Object key) {
        if (target instanceof Map<?, ?> map) {
            if (!map.containsKey(key)) {
                throw new CelException("no such key: " + key);
            }
            return map.get(key);
        }
        if (target instanceof List<?> list && (key instanceof Long || key instanceof Double)) {
            int index = (int) toInt(key);
            if (index < 0 || index >= list.size()) {
                throw new CelException("index out of range: " + index);
            }
            return list.get(index);
        }
        throw new CelException("cannot select " + key + " from " + Values.describe(target));
    }

    private static boolean asBoolean(Object value, String op) {
        if (value instanceof Boolean b) {
            return b;
        }
        throw new CelException("no such overload: " + op + " on " + Values.describe(value));
    }

    private static String asString(Object value, String function) {
        if (value instanceof String s) {
            return s;
        }
        throw new CelException("no such overload: " + function + "(" + Values.describe(value) + ")");
    }

    private static boolean celEquals(Object l, Object r) {
        if (isNumber(l) && isNumber(r)) {
            return ((Number) l).doubleValue() == ((Number) r).doubleValue();
        }
        return Objects.equals(l, r);
    }

    private static int compare(Object l, Object r, String op) {
        if (isNumber(l) && isNumber(r)) {
            return Double.compare(((Number) l).doubleValue(), ((Number) r).doubleValue());
        }
        if (l instanceof String ls && r instanceof String rs) {
            return ls.compareTo(rs);
        }
        if (l instanceof Boolean lb && r instanceof Boolean rb) {
            return Boolean.compare(lb, rb);
        }
        throw new CelException(
                "no such overload: " + Values.describe(l) + " " + op + " " + Values.describe(r));
    }

    private static Object arithmetic(String op, Object l, Object r) {
        if (op.equals("+") && l instanceof String ls && r instanceof String rs) {
            return ls + rs;
        }
        if (op.equals("+") && l instanceof List<?> ll && r instanceof List<?> rl) {
            List<Object> joined = new ArrayList<>(ll);
            joined.addAll(rl);
            return joined;
        }
        if (l instanceof Long a && r instanceof Long b) {
            return switch (op) {
                case "+" -> a + b;
                case "-" -> a - b;
                case "*" -> a * b;
                case "/" -> {
                    if (b == 0) {
                        throw new CelException("division by zero");
                    }
                    yield a / b;
                }
                default -> a % b;
            };
        }
        if (isNumber(l) && isNumber(r)) {
            double a = ((Number) l).doubleValue();
            double b = ((Number) r).doubleValue();
            return switch (op) {
                case "+" -> a + b;
                case "-" -> a - b;
                case "*" -> a * b;
                case "/" -> a / b;
                default -> a % b;
            };
        }
        throw new CelException("no such overload: " + Values.describe(l) + " " + op + " " + Values.describe(r));
    }

    private static boolean isNumber(Object value) {
        return value instanceof Long || value instanceof Double;
    }

    private static long toInt(Object value) {
        if (value instanceof Long l) {
            return l;
        }
        if (value instanceof Double d) {
            if (d.isNaN() || d.isInfinite()) {
                throw new CelException("int() of " + d);
            }
            return (long) d.doubleValue();
        }
        if (value instanceof String s) {
            try {
                return Long.parseLong(s.trim());
            } catch (NumberFormatException e) {
                throw new CelException("int() cannot parse '" + s + "'");
            }
        }
        if (value instanceof Boolean b) {
            return b ? 1 : 0;
        }
        throw new CelException("no such overload: int(" + Values.describe(value) + ")");
    }

    private static double toDouble(Object value) {
        if (value instanceof Number n) {
            return n.doubleValue();
        }
        if (value instanceof String s) {
            try {
                return Double.parseDouble(s.trim());
            } catch (NumberFormatException e) {
                throw new CelException("double() cannot parse '" + s + "'");
            }
        }
        throw new CelException("no such overload: double(" + Values.describe(value) + ")");
    }

    private static boolean toBool(Object value) {
        if (value instanceof Boolean b) {
            return b;
        }
        if (value instanceof String s && (s.equalsIgnoreCase("true") || s.equalsIgnoreCase("false"))) {
            return Boolean.parseBoolean(s);
        }
        throw new CelException("no such overload: bool(" + Values.describe(value) + ")");
    }

    private static long size(Object value) {
        if (value instanceof String s) {
            return s.codePointCount(0, s.length());
        }
        if (value instanceof List<?> l) {
            return l.size();
        }
        if (value instanceof Map<?, ?> m) {
            return m.size();
        }
        throw new CelException("no such overload: size(" + Values.describe(value) + ")");
    }

    /** Recursive-descent parser over a hand-written lexer; precedence as in CEL. */
    private static final class Parser {
        private final String text;
        private int pos;

        Parser(String text) {
            this.text = text;
        }

        Node expression() {
            return or();
        }

        void expectEnd() {
            skipSpace();
            if (pos < text.length()) {
                throw error("unexpected '" + text.charAt(pos) + "'");
            }
        }

        private Node or() {
            Node left = and();
            while (accept("||")) {
                left = new Logical("||", left, and());
            }
            return left;
        }

        private Node and() {
            Node left = relation();
            while (accept("&&")) {
                left = new Logical("&&", left, relation());
            }
            return left;
        }

        private Node relation() {
            Node left = additive();
            for (String op : List.of("==", "!=", "<=", ">=", "<", ">")) {
                if (accept(op)) {
                    return new Binary(op, left, additive());
                }
            }
            return left;
        }

        private Node additive() {
            Node left = multiplicative();
            while (true) {
                if (accept("+")) {
                    left = new Binary("+", left, multiplicative());
                } else if (peekMinus()) {
                    pos++;
                    left = new Binary("-", left, multiplicative());
                } else {
                    return left;
                }
            }
        }

        private Node multiplicative() {
            Node left = unary();
            while (true) {
                if (accept("*")) {
                    left = new Binary("*", left, unary());
                } else if (accept("/")) {
                    left = new Binary("/", left, unary());
                } else if (accept("%")) {
                    left = new Binary("%", left, unary());
                } else {
                    return left;
                }
            }
        }

        private boolean peekMinus() {
            skipSpace();
            return pos < text.length() && text.charAt(pos) == '-';
        }

        private Node unary() {
            skipSpace();
            if (pos < text.length() && text.charAt(pos) == '!' && !text.startsWith("!=", pos)) {
                pos++;
                return new Not(unary());
            }
            if (peekMinus()) {
                pos++;
                skipSpace();
                if (pos < text.length() && Character.isDigit(text.charAt(pos))) {
                    Literal number = (Literal) number();
                    Object value = number.value() instanceof Long l ? (Object) (-l) : (Object) (-(Double) number.value());
                    return postfix(new Literal(value));
                }
                return new Negate(unary());
            }
            return postfix(primary());
        }

        private Node postfix(Node node) {
            while (true) {
                if (accept("[")) {
                    Node key = expression();
                    expect("]");
                    node = new Index(node, key);
                } else if (accept(".")) {
                    String name = identifier();
                    if (accept("(")) {
                        List<Node> args = new ArrayList<>();
                        args.add(node);
                        args.addAll(arguments());
                        node = new Call(name, args);
                    } else {
                        node = new Field(node, name);
                    }
                } else {
                    return node;
                }
            }
        }

        private Node primary() {
            skipSpace();
            if (pos >= text.length()) {
                throw error("unexpected end of expression");
            }
            char c = text.charAt(pos);
            if (c == '(') {
                pos++;
                Node inner = expression();
                expect(")");
                return inner;
            }
            if (c == '[') {
                pos++;
                List<Node> items = new ArrayList<>();
                if (!accept("]")) {
                    do {
                        items.add(expression());
                    } while (accept(","));
                    expect("]");
                }
                return new ListNode(items);
            }
            if (c == '\'' || c == '"') {
                return new Literal(string(c));
            }
            if (Character.isDigit(c) || c == '.') {
                return number();
            }
            if (Character.isLetter(c) || c == '_') {
                String name = identifier();
                switch (name) {
                    case "true":
                        return new Literal(Boolean.TRUE);
                    case "false":
                        return new Literal(Boolean.FALSE);
                    case "null":
                        return new Literal(null);
                    default:
                        break;
                }
                if (accept("(")) {
                    return new Call(name, arguments());
                }
                return new Identifier(name);
            }
            throw error("unexpected '" + c + "'");
        }

        private List<Node> arguments() {
            List<Node> args = new ArrayList<>();
            if (accept(")")) {
                return args;
            }
            do {
                args.add(expression());
            } while (accept(","));
            expect(")");
            return args;
        }

        private String identifier() {
            skipSpace();
            int start = pos;
            while (pos < text.length() && (Character.isLetterOrDigit(text.charAt(pos)) || text.charAt(pos) == '_')) {
                pos++;
            }
            if (start == pos) {
                throw error("identifier expected");
            }
            return text.substring(start, pos);
        }

        private Node number() {
            int start = pos;
            boolean isDouble = false;
            while (pos < text.length()) {
                char c = text.charAt(pos);
                if (Character.isDigit(c)) {
                    pos++;
                } else if (c == '.' || c == 'e' || c == 'E'
                        || ((c == '+' || c == '-') && (text.charAt(pos - 1) == 'e' || text.charAt(pos - 1) == 'E'))) {
                    isDouble = true;
                    pos++;
                } else {
                    break;
                }
            }
            String digits = text.substring(start, pos);
            if (pos < text.length() && (text.charAt(pos) == 'u' || text.charAt(pos) == 'U')) {
                pos++;
            }
            try {
                return new Literal(isDouble ? (Object) Double.parseDouble(digits) : (Object) Long.parseLong(digits));
            } catch (NumberFormatException e) {
                throw error("bad number '" + digits + "'");
            }
        }

        private String string(char quote) {
            pos++;
            StringBuilder out = new StringBuilder();
            while (pos < text.length()) {
                char c = text.charAt(pos++);
                if (c == quote) {
                    return out.toString();
                }
                if (c == '\\' && pos < text.length()) {
                    char escaped = text.charAt(pos++);
                    out.append(switch (escaped) {
                        case 'n' -> '\n';
                        case 't' -> '\t';
                        case 'r' -> '\r';
                        default -> escaped;
                    });
                } else {
                    out.append(c);
                }
            }
            throw error("unterminated string");
        }

        private boolean accept(String token) {
            skipSpace();
            if (text.startsWith(token, pos)) {
                pos += token.length();
                return true;
            }
            return false;
        }

        private void expect(String token) {
            if (!accept(token)) {
                throw error("'" + token + "' expected");
            }
        }

        private void skipSpace() {
            while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
                pos++;
            }
        }

        private CelException error(String problem) {
            return new CelException("syntax error at " + pos + " in '" + text + "': " + problem);
        }
    }

    /** The variables of a trigger condition: {@code inputs.parameter_values} of the task. */
    public static Map<String, Object> conditionVariables(Map<String, Object> parameterValues) {
        Map<String, Object> inputs = new LinkedHashMap<>();
        inputs.put("parameter_values", parameterValues);
        return Map.of("inputs", inputs);
    }
}
