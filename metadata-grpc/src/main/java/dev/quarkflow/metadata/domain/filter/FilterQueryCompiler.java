package dev.quarkflow.metadata.domain.filter;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.Token;

import dev.quarkflow.common.error.QuarkflowException;
import dev.quarkflow.metadata.domain.NodeKind;
import dev.quarkflow.metadata.domain.filter.FilterQueryParser.SegmentContext;

/**
 * Compiles MLMD's filter_query language into an HQL boolean expression over {@code <Entity> root} plus the joins it
 * needs. Every user-supplied value (literals, property names) becomes a named parameter; aliases are generated.
 *
 * <pre>{@code
 * FilterQueryCompiler.compile("options.filter_query", "uri LIKE 'gs://b/%' AND contexts_r.name = 'run-1'",
 *         NodeKind.ARTIFACT, "fn", "f");
 * }</pre>
 */
public final class FilterQueryCompiler extends FilterQueryBaseVisitor<FilterQueryCompiler.Expr> {

    enum Type {
        NUMBER,
        STRING,
        BOOL,
        ENUM,
        NAME
    }

    /** A typed HQL fragment; literals stay unrendered until their partner's type is known. */
    record Expr(Type type, String hql, Object literal, boolean isDouble, EnumDomain domain, String name,
            boolean predicate) {

        static Expr literal(Type type, Object value) {
            return new Expr(type, null, value, value instanceof Double, null, null, false);
        }

        static Expr column(Type type, String hql, boolean isDouble, EnumDomain domain) {
            return new Expr(type, hql, null, isDouble, domain, null, false);
        }

        static Expr predicate(String hql) {
            return new Expr(Type.BOOL, hql, null, false, null, null, true);
        }

        static Expr name(String name) {
            return new Expr(Type.NAME, null, null, false, null, name, false);
        }

        boolean isLiteral() {
            return hql == null && type != Type.NAME;
        }
    }

    private record Attribute(String property, Type type, boolean isDouble, EnumDomain domain, boolean viaType) {
    }

    private static final Map<String, Attribute> NODE_ATTRIBUTES = Map.of(
            "id", new Attribute("id", Type.NUMBER, false, null, false),
            "type_id", new Attribute("typeId", Type.NUMBER, false, null, false),
            "type", new Attribute("name", Type.STRING, false, null, true),
            "name", new Attribute("name", Type.STRING, false, null, false),
            "external_id", new Attribute("externalId", Type.STRING, false, null, false),
            "create_time_since_epoch", new Attribute("createTime", Type.NUMBER, false, null, false),
            "last_update_time_since_epoch", new Attribute("lastUpdateTime", Type.NUMBER, false, null, false));
    private static final Map<String, Attribute> ARTIFACT_ATTRIBUTES = Map.of(
            "uri", new Attribute("uri", Type.STRING, false, null, false),
            "state", new Attribute("state", Type.ENUM, false, EnumDomain.ARTIFACT_STATE, false));
    private static final Map<String, Attribute> EXECUTION_ATTRIBUTES = Map.of(
            "last_known_state", new Attribute("lastKnownState", Type.ENUM, false, EnumDomain.EXECUTION_STATE, false));
    private static final Map<String, Attribute> EVENT_ATTRIBUTES = Map.of(
            "type", new Attribute("type", Type.ENUM, false, EnumDomain.EVENT_TYPE, false),
            "milliseconds_since_epoch", new Attribute("millisecondsSinceEpoch", Type.NUMBER, false, null, false));
    private static final Map<String, Attribute> PROPERTY_VALUES = Map.of(
            "int_value", new Attribute("intValue", Type.NUMBER, false, null, false),
            "double_value", new Attribute("doubleValue", Type.NUMBER, true, null, false),
            "string_value", new Attribute("stringValue", Type.STRING, false, null, false),
            "bool_value", new Attribute("boolValue", Type.BOOL, false, null, false));

    /** A neighbour prefix: which entity it joins and through which link. */
    private record Neighbour(String prefix, NodeKind kind, String linkEntity, String linkToRoot, String linkToNode) {
    }

    private final String field;
    private final NodeKind kind;
    private final String root;
    private final String paramPrefix;
    private final Map<String, String> aliases = new LinkedHashMap<>();
    private final List<String> joins = new ArrayList<>();
    private final Map<String, Object> parameters = new LinkedHashMap<>();

    private FilterQueryCompiler(String field, NodeKind kind, String root, String paramPrefix) {
        this.field = field;
        this.kind = kind;
        this.root = root;
        this.paramPrefix = paramPrefix;
    }

    /**
     * @param field the request field holding the query, for error messages
     * @param root the HQL alias of the filtered entity
     * @param paramPrefix prefix of the generated parameter names, unique per query
     */
    public static CompiledFilter compile(String field, String query, NodeKind kind, String root, String paramPrefix) {
        var errors = new FilterSyntaxErrors(field);
        var lexer = new FilterQueryLexer(CharStreams.fromString(query));
        lexer.removeErrorListeners();
        lexer.addErrorListener(errors);
        var parser = new FilterQueryParser(new CommonTokenStream(lexer));
        parser.removeErrorListeners();
        parser.addErrorListener(errors);
        var compiler = new FilterQueryCompiler(field, kind, root, paramPrefix);
        Expr result = compiler.visit(parser.query().expr());
        String where = compiler.asPredicate(result);
        return new CompiledFilter(String.join(" ", compiler.joins), where, compiler.parameters);
    }

    public static String entityName(NodeKind kind) {
        return switch (kind) {
            case ARTIFACT -> "ArtifactEntity";
            case EXECUTION -> "ExecutionEntity";
            case CONTEXT -> "ContextEntity";
        };
    }

    // --- visitor ---

    @Override
    public Expr visitParenthesized(FilterQueryParser.ParenthesizedContext ctx) {
        Expr inner = visit(ctx.expr());
        return inner.hql() == null ? inner
                : new Expr(inner.type(), "(" + inner.hql() + ")", null, inner.isDouble(), inner.domain(), null,
                        inner.predicate());
    }

    @Override
    public Expr visitNegated(FilterQueryParser.NegatedContext ctx) {
        Expr operand = requireType(visit(ctx.expr()), Type.NUMBER, "unary minus");
        if (operand.isLiteral()) {
            return Expr.literal(Type.NUMBER, operand.literal() instanceof Double d ? (Object) (-d)
                    : (Object) (-(Long) operand.literal()));
        }
        return Expr.column(Type.NUMBER, "(-" + operand.hql() + ")", operand.isDouble(), null);
    }

    @Override
    public Expr visitMultiplicative(FilterQueryParser.MultiplicativeContext ctx) {
        return arithmetic(ctx.expr(0), ctx.op, ctx.expr(1));
    }

    @Override
    public Expr visitAdditive(FilterQueryParser.AdditiveContext ctx) {
        return arithmetic(ctx.expr(0), ctx.op, ctx.expr(1));
    }

    private Expr arithmetic(FilterQueryParser.ExprContext left, Token op, FilterQueryParser.ExprContext right) {
        Expr a = requireType(visit(left), Type.NUMBER, op.getText());
        Expr b = requireType(visit(right), Type.NUMBER, op.getText());
        boolean isDouble = a.isDouble() || b.isDouble();
        return Expr.column(Type.NUMBER, "(" + value(a, isDouble) + " " + op.getText() + " " + value(b, isDouble) + ")",
                isDouble, null);
    }

    @Override
    public Expr visitComparison(FilterQueryParser.ComparisonContext ctx) {
        Expr a = visit(ctx.expr(0));
        Expr b = visit(ctx.expr(1));
        String op = ctx.op.getText().equals("!=") ? "<>" : ctx.op.getText();
        if (a.type() == Type.ENUM || b.type() == Type.ENUM) {
            Expr column = a.type() == Type.ENUM ? a : b;
            Expr name = a.type() == Type.ENUM ? b : a;
            if (!op.equals("=") && !op.equals("<>")) {
                throw invalid("enum fields compare only with =, != or <>");
            }
            String param = enumParameter(column, name);
            return op.equals("=") ? Expr.predicate(column.hql() + " = " + param)
                    : Expr.predicate("(" + column.hql() + " is null or " + column.hql() + " <> " + param + ")");
        }
        requireKnown(a);
        requireKnown(b);
        if (a.type() != b.type()) {
            throw invalid("cannot compare " + describe(a) + " with " + describe(b));
        }
        boolean isDouble = a.isDouble() || b.isDouble();
        return Expr.predicate(value(a, isDouble) + " " + op + " " + value(b, isDouble));
    }

    @Override
    public Expr visitLike(FilterQueryParser.LikeContext ctx) {
        Expr a = requireType(visit(ctx.expr(0)), Type.STRING, "LIKE");
        Expr b = requireType(visit(ctx.expr(1)), Type.STRING, "LIKE");
        return Expr.predicate(value(a, false) + (ctx.NOT() != null ? " not like " : " like ") + value(b, false));
    }

    @Override
    public Expr visitIn(FilterQueryParser.InContext ctx) {
        Expr subject = visit(ctx.expr(0));
        List<Expr> items = ctx.expr().subList(1, ctx.expr().size()).stream().map(this::visit).toList();
        boolean negated = ctx.NOT() != null;
        if (subject.type() == Type.ENUM) {
            String list = items.stream().map(item -> enumParameter(subject, item)).collect(Collectors.joining(", "));
            return negated
                    ? Expr.predicate("(" + subject.hql() + " is null or " + subject.hql() + " not in (" + list + "))")
                    : Expr.predicate(subject.hql() + " in (" + list + ")");
        }
        requireKnown(subject);
        boolean isDouble = subject.isDouble() || items.stream().anyMatch(Expr::isDouble);
        String list = items.stream().map(item -> {
            requireKnown(item);
            if (item.type() != subject.type()) {
                throw invalid("IN list mixes " + describe(subject) + " with " + describe(item));
            }
            return value(item, isDouble);
        }).collect(Collectors.joining(", "));
        return Expr.predicate(value(subject, isDouble) + (negated ? " not in (" : " in (") + list + ")");
    }

    @Override
    public Expr visitIsNull(FilterQueryParser.IsNullContext ctx) {
        Expr subject = visit(ctx.expr());
        requireKnown(subject);
        if (subject.isLiteral()) {
            throw invalid("IS NULL needs a field, not a literal");
        }
        return Expr.predicate(subject.hql() + (ctx.NOT() != null ? " is not null" : " is null"));
    }

    @Override
    public Expr visitNot(FilterQueryParser.NotContext ctx) {
        return Expr.predicate("not (" + asPredicate(visit(ctx.expr())) + ")");
    }

    @Override
    public Expr visitAnd(FilterQueryParser.AndContext ctx) {
        return Expr.predicate("(" + asPredicate(visit(ctx.expr(0))) + " and " + asPredicate(visit(ctx.expr(1))) + ")");
    }

    @Override
    public Expr visitOr(FilterQueryParser.OrContext ctx) {
        return Expr.predicate("(" + asPredicate(visit(ctx.expr(0))) + " or " + asPredicate(visit(ctx.expr(1))) + ")");
    }

    @Override
    public Expr visitLiteralExpr(FilterQueryParser.LiteralExprContext ctx) {
        return visit(ctx.literal());
    }

    @Override
    public Expr visitIntegerLiteral(FilterQueryParser.IntegerLiteralContext ctx) {
        try {
            return Expr.literal(Type.NUMBER, Long.parseLong(ctx.getText()));
        } catch (NumberFormatException e) {
            throw invalid("integer literal out of range: " + ctx.getText());
        }
    }

    @Override
    public Expr visitDecimalLiteral(FilterQueryParser.DecimalLiteralContext ctx) {
        return Expr.literal(Type.NUMBER, Double.parseDouble(ctx.getText()));
    }

    @Override
    public Expr visitStringLiteral(FilterQueryParser.StringLiteralContext ctx) {
        String text = ctx.getText();
        return Expr.literal(Type.STRING, text.substring(1, text.length() - 1));
    }

    @Override
    public Expr visitBooleanLiteral(FilterQueryParser.BooleanLiteralContext ctx) {
        return Expr.literal(Type.BOOL, ctx.TRUE() != null);
    }

    @Override
    public Expr visitPathExpr(FilterQueryParser.PathExprContext ctx) {
        String head = ctx.path().IDENTIFIER().getText();
        List<String> rest = ctx.path().segment().stream().map(FilterQueryCompiler::segmentText).toList();
        return resolve(head, rest);
    }

    private static String segmentText(SegmentContext segment) {
        if (segment.QUOTED_IDENTIFIER() != null) {
            String quoted = segment.QUOTED_IDENTIFIER().getText();
            return quoted.substring(1, quoted.length() - 1);
        }
        return segment.IDENTIFIER().getText();
    }

    // --- names ---

    private Expr resolve(String head, List<String> rest) {
        if (rest.isEmpty()) {
            Attribute attribute = attributesOf(kind).get(head);
            return attribute == null ? Expr.name(head) : attribute(root, rootKey(), attribute);
        }
        if (head.equals("properties") || head.equals("custom_properties")) {
            if (rest.size() != 2 || !PROPERTY_VALUES.containsKey(rest.get(1))) {
                throw invalid("expected " + head + ".<name>.(int_value|double_value|string_value|bool_value)");
            }
            String alias = propertyJoin(head.equals("custom_properties"), rest.get(0));
            Attribute value = PROPERTY_VALUES.get(rest.get(1));
            return Expr.column(value.type(), alias + "." + value.property(), value.isDouble(), null);
        }
        for (Neighbour neighbour : neighboursOf(kind)) {
            if (head.startsWith(neighbour.prefix()) && head.length() > neighbour.prefix().length()) {
                if (rest.size() != 1) {
                    throw invalid("expected " + head + ".<field>");
                }
                String alias = neighbourJoin(head, neighbour);
                Attribute attribute = neighbour.kind() == null ? eventAttributes().get(rest.get(0))
                        : attributesOf(neighbour.kind()).get(rest.get(0));
                if (attribute == null) {
                    throw invalid("unknown field '" + rest.get(0) + "' of " + neighbour.prefix() + "*");
                }
                return attribute(alias, head, attribute);
            }
        }
        throw invalid("unknown name '" + head + "' for " + kind.label() + "s");
    }

    private Map<String, Attribute> eventAttributes() {
        Map<String, Attribute> attributes = new LinkedHashMap<>(EVENT_ATTRIBUTES);
        if (kind == NodeKind.ARTIFACT) {
            attributes.put("execution_id", new Attribute("executionId", Type.NUMBER, false, null, false));
        } else {
            attributes.put("artifact_id", new Attribute("artifactId", Type.NUMBER, false, null, false));
        }
        return attributes;
    }

    private static Map<String, Attribute> attributesOf(NodeKind nodeKind) {
        Map<String, Attribute> attributes = new LinkedHashMap<>(NODE_ATTRIBUTES);
        if (nodeKind == NodeKind.ARTIFACT) {
            attributes.putAll(ARTIFACT_ATTRIBUTES);
        } else if (nodeKind == NodeKind.EXECUTION) {
            attributes.putAll(EXECUTION_ATTRIBUTES);
        }
        return attributes;
    }

    private static List<Neighbour> neighboursOf(NodeKind nodeKind) {
        return switch (nodeKind) {
            case ARTIFACT -> List.of(
                    new Neighbour("contexts_", NodeKind.CONTEXT, "AttributionEntity", "artifactId", "contextId"),
                    new Neighbour("events_", null, null, "artifactId", null));
            case EXECUTION -> List.of(
                    new Neighbour("contexts_", NodeKind.CONTEXT, "AssociationEntity", "executionId", "contextId"),
                    new Neighbour("events_", null, null, "executionId", null));
            case CONTEXT -> List.of(
                    new Neighbour("parent_contexts_", NodeKind.CONTEXT, "ParentContextEntity", "childId", "parentId"),
                    new Neighbour("child_contexts_", NodeKind.CONTEXT, "ParentContextEntity", "parentId", "childId"),
                    new Neighbour("artifacts_", NodeKind.ARTIFACT, "AttributionEntity", "contextId", "artifactId"),
                    new Neighbour("executions_", NodeKind.EXECUTION, "AssociationEntity", "contextId",
                            "executionId"));
        };
    }

    private String rootKey() {
        return "";
    }

    private Expr attribute(String alias, String key, Attribute attribute) {
        String owner = attribute.viaType() ? typeJoin(alias, key) : alias;
        return Expr.column(attribute.type(), owner + "." + attribute.property(), attribute.isDouble(),
                attribute.domain());
    }

    private String typeJoin(String nodeAlias, String key) {
        return join("type:" + key, alias -> "join TypeEntity " + alias + " on " + alias + ".id = " + nodeAlias
                + ".typeId");
    }

    private String propertyJoin(boolean custom, String name) {
        String nameParam = parameter(name);
        return join("property:" + custom + ":" + name, alias -> "join PropertyEntity " + alias + " on " + alias
                + ".nodeId = " + root + ".id and " + alias + ".nodeKind = " + kind.code() + " and " + alias
                + ".custom = " + custom + " and " + alias + ".name = " + nameParam);
    }

    private String neighbourJoin(String key, Neighbour neighbour) {
        if (neighbour.kind() == null) {
            return join("neighbour:" + key, alias -> "join EventEntity " + alias + " on " + alias + "."
                    + neighbour.linkToRoot() + " = " + root + ".id");
        }
        return join("neighbour:" + key, alias -> "join " + neighbour.linkEntity() + " " + alias + "l on " + alias
                + "l." + neighbour.linkToRoot() + " = " + root + ".id join " + entityName(neighbour.kind()) + " "
                + alias + " on " + alias + ".id = " + alias + "l." + neighbour.linkToNode());
    }

    private String join(String key, java.util.function.Function<String, String> clause) {
        String existing = aliases.get(key);
        if (existing != null) {
            return existing;
        }
        String alias = root + "_j" + aliases.size();
        aliases.put(key, alias);
        joins.add(clause.apply(alias));
        return alias;
    }

    // --- rendering ---

    private String asPredicate(Expr expr) {
        requireKnown(expr);
        if (expr.type() != Type.BOOL) {
            throw invalid("the filter must be a boolean expression, not " + describe(expr));
        }
        if (expr.predicate()) {
            return expr.hql();
        }
        if (expr.isLiteral()) {
            return (Boolean) expr.literal() ? "1 = 1" : "1 = 0";
        }
        return expr.hql() + " = " + parameter(Boolean.TRUE);
    }

    private String value(Expr expr, boolean asDouble) {
        if (expr.isLiteral()) {
            Object literal = expr.literal();
            if (asDouble && literal instanceof Long number) {
                literal = number.doubleValue();
            }
            return parameter(literal);
        }
        if (expr.predicate()) {
            throw invalid("a condition cannot be used as a value");
        }
        return asDouble && !expr.isDouble() && expr.type() == Type.NUMBER ? "cast(" + expr.hql() + " as Double)"
                : expr.hql();
    }

    private String enumParameter(Expr column, Expr name) {
        if (name.type() != Type.NAME) {
            throw invalid("enum values are written as bare names (e.g. LIVE), not " + describe(name));
        }
        Integer number = column.domain().number(name.name())
                .orElseThrow(() -> invalid("'" + name.name() + "' is not a value of " + column.domain()));
        return parameter(number);
    }

    private String parameter(Object value) {
        String name = paramPrefix + parameters.size();
        parameters.put(name, value);
        return ":" + name;
    }

    private Expr requireType(Expr expr, Type type, String operator) {
        requireKnown(expr);
        if (expr.type() != type) {
            throw invalid(operator + " needs " + type.name().toLowerCase() + " operands, not " + describe(expr));
        }
        return expr;
    }

    private void requireKnown(Expr expr) {
        if (expr.type() == Type.NAME) {
            throw invalid("unknown name '" + expr.name() + "' for " + kind.label() + "s");
        }
    }

    private static String describe(Expr expr) {
        return expr.type() == Type.NAME ? "name '" + expr.name() + "'" : expr.type().name().toLowerCase();
    }

    private QuarkflowException invalid(String problem) {
        return QuarkflowException.invalidArgument(field, "Invalid `filter_query`: " + problem);
    }
}
